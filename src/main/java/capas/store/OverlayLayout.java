package capas.store;

import java.nio.file.Path;

/**
 * Where an overlay store keeps everything, named once: the index files of containers/storage
 * ({@code store.go}, {@code layers.go}, {@code images.go}, {@code containers.go}) and the
 * overlay driver's folders ({@code drivers/overlay/overlay.go}).
 *
 * <p>Each layer has {@code overlay/<id>/diff} (its files) and {@code link} (its short name in
 * {@code l/}); a layer with layers below also has {@code lower} (their {@code l/} names, top
 * first, joined by ':'), and a bottom layer has an {@code empty} folder to stand in as its
 * lowerdir. The mount happens on {@code merged}, with overlayfs's scratch space in {@code work}.
 * {@code l/<short>} is a symlink to {@code ../<id>/diff}: short names keep mount options under
 * the kernel's page-size limit.
 *
 * <p>Each index file has a lock file next to it whose 64 bytes name the last writer
 * ({@code lastWrite} in {@code pkg/lockfile}); {@link StoreSnapshots} reads them to reload only
 * what changed.
 *
 * @param graphRoot the store's folder (podman's {@code --root})
 */
public record OverlayLayout(Path graphRoot) {
    /** The overlay driver's home: one folder per layer, plus {@code l/}. */
    public static final String OVERLAY = "overlay";
    /** The short links, one per layer, each pointing at that layer's {@code diff}. */
    public static final String LINK_DIR = "l";
    public static final String DIFF = "diff";
    /** File holding the layer's own short name in {@code l/}. */
    public static final String LINK = "link";
    /** File holding the {@code l/} names of the layers below, top first, joined by ':'. */
    public static final String LOWER = "lower";
    public static final String MERGED = "merged";
    public static final String WORK = "work";
    /** A bottom layer's stand-in lowerdir (overlay needs at least one). */
    public static final String EMPTY = "empty";

    public static final String CONTAINERS_DIR = "overlay-containers";
    public static final String IMAGES_DIR = "overlay-images";
    public static final String LAYERS_DIR = "overlay-layers";
    public static final String CONTAINERS_JSON = "containers.json";
    public static final String VOLATILE_CONTAINERS_JSON = "volatile-containers.json";
    public static final String CONTAINERS_LOCK = "containers.lock";
    public static final String IMAGES_JSON = "images.json";
    public static final String IMAGES_LOCK = "images.lock";
    public static final String LAYERS_JSON = "layers.json";
    public static final String VOLATILE_LAYERS_JSON = "volatile-layers.json";
    public static final String LAYERS_LOCK = "layers.lock";
    /** {@code overlay-containers/<id>/userdata}: files podman mounts into the container. */
    public static final String USERDATA = "userdata";

    public OverlayLayout {
        graphRoot = graphRoot.toAbsolutePath().normalize();
    }

    /** {@code overlay}: the driver's folder, one folder per layer plus {@code l/}. */
    public Path overlayDir() {
        return graphRoot.resolve(OVERLAY);
    }

    /** {@code overlay/l}. */
    public Path linkDir() {
        return overlayDir().resolve(LINK_DIR);
    }

    /** {@code overlay/l/<short>}: the symlink to one layer's {@code diff}. */
    public Path shortLink(String shortName) {
        return linkDir().resolve(shortName);
    }

    /** {@code overlay/<id>}. */
    public Path layerDir(String layerId) {
        return overlayDir().resolve(layerId);
    }

    /** {@code overlay/<id>/diff}: the files of that layer. */
    public Path diffDir(String layerId) {
        return layerDir(layerId).resolve(DIFF);
    }

    /** {@code overlay/<id>/link}: the layer's short name. */
    public Path linkFile(String layerId) {
        return layerDir(layerId).resolve(LINK);
    }

    /** {@code overlay/<id>/lower}: the short names of the layers below. */
    public Path lowerFile(String layerId) {
        return layerDir(layerId).resolve(LOWER);
    }

    /** {@code overlay/<id>/merged}: where a container's layer is mounted. */
    public Path mergedDir(String layerId) {
        return layerDir(layerId).resolve(MERGED);
    }

    /** {@code overlay/<id>/work}: overlayfs's scratch folder. */
    public Path workDir(String layerId) {
        return layerDir(layerId).resolve(WORK);
    }

    /** {@code overlay/<id>/empty}: a bottom layer's stand-in lowerdir. */
    public Path emptyDir(String layerId) {
        return layerDir(layerId).resolve(EMPTY);
    }

    public Path containersDir() {
        return graphRoot.resolve(CONTAINERS_DIR);
    }

    public Path imagesDir() {
        return graphRoot.resolve(IMAGES_DIR);
    }

    public Path layersDir() {
        return graphRoot.resolve(LAYERS_DIR);
    }

    public Path containersJson() {
        return containersDir().resolve(CONTAINERS_JSON);
    }

    /** Containers created with {@code --rm} or a transient store: never synced to disk by podman. */
    public Path volatileContainersJson() {
        return containersDir().resolve(VOLATILE_CONTAINERS_JSON);
    }

    public Path containersLock() {
        return containersDir().resolve(CONTAINERS_LOCK);
    }

    public Path imagesJson() {
        return imagesDir().resolve(IMAGES_JSON);
    }

    public Path imagesLock() {
        return imagesDir().resolve(IMAGES_LOCK);
    }

    public Path layersJson() {
        return layersDir().resolve(LAYERS_JSON);
    }

    public Path volatileLayersJson() {
        return layersDir().resolve(VOLATILE_LAYERS_JSON);
    }

    public Path layersLock() {
        return layersDir().resolve(LAYERS_LOCK);
    }

    /** {@code overlay-containers/<id>/userdata}: files podman mounts into the container. */
    public Path userdataDir(String containerId) {
        return containersDir().resolve(containerId).resolve(USERDATA);
    }
}
