package capas.store;

/** Every file and folder name of an overlay store, named once (as containers/storage does). */
final class StoreFiles {
    static final String CONTAINERS = "overlay-containers/containers.json";
    static final String VOLATILE_CONTAINERS = "overlay-containers/volatile-containers.json";
    static final String IMAGES = "overlay-images/images.json";
    static final String LAYERS = "overlay-layers/layers.json";
    static final String VOLATILE_LAYERS = "overlay-layers/volatile-layers.json";
    static final String CONTAINERS_DIR = "overlay-containers";
    static final String USERDATA = "userdata";
    /** The overlay driver's home: one folder per layer, plus {@code l/}. */
    static final String OVERLAY = "overlay";
    /** Short names (26 characters) that point at each layer's {@code diff}, to keep mount options short. */
    static final String LINK_DIR = "l";
    static final String DIFF = "diff";
    static final String WORK = "work";
    static final String MERGED = "merged";
    /** File holding the layer's own short name in {@code l/}. */
    static final String LINK = "link";
    /** File holding the {@code l/} names of the layers below, top first, joined by ':'. */
    static final String LOWER = "lower";

    private StoreFiles() {
    }
}
