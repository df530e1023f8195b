package capas.store;

import capas.Env;
import capas.Mode;

import capas.CapasException;
import capas.Messages;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A snapshot of one overlay store: {@code containers.json}, {@code images.json},
 * {@code layers.json} read together, and each layer's {@code l/} short name (read when first
 * asked for, see {@link StoreSnapshots}).
 *
 * <p>A plain record, so that a probe running as root or inside {@code podman unshare} can send
 * it back whole; lookups resolve names the way podman does (name, full id, unique id prefix).
 *
 * @param mode       rootful or rootless
 * @param graphRoot  the store's folder (podman's {@code --root})
 * @param containers records of {@code containers.json} and {@code volatile-containers.json}
 * @param images     records of {@code images.json}
 * @param layers     records of {@code layers.json} and {@code volatile-layers.json}
 * @param links      layer id → its short name in {@code overlay/l/}
 */
public record Store(Mode mode, String graphRoot, List<Container> containers, List<Image> images, List<Layer> layers,
        Map<String, String> links) {
    private static final Messages M = Messages.of(Store.class);

    public Store {
        containers = List.copyOf(containers);
        images = List.copyOf(images);
        layers = List.copyOf(layers);
        // A snapshot's own links are read on demand; any other map (a probe's reply, a test's) is copied.
        links = LayerLinks.isLazy(links) ? links : Collections.unmodifiableMap(new LinkedHashMap<>(links));
    }

    /**
     * Reads the store at {@code graphRoot} from disk, once. Requires read access to it. To ask
     * the same store many times, keep a {@link StoreSnapshots}: it reads again only what changed.
     */
    public static Store read(Mode mode, Path graphRoot) {
        return new StoreSnapshots(mode, graphRoot).current();
    }

    /** The default store folder of each mode, as podman uses it without a storage.conf. */
    public static Path defaultGraphRoot(Mode mode) {
        if (mode == Mode.ROOTFUL) {
            return Path.of("/var/lib/containers/storage");
        }
        Path base = Env.dataHome();
        return base.resolve("containers").resolve("storage");
    }

    @JsonIgnore
    public Path root() {
        return Path.of(graphRoot);
    }

    /** The container called {@code ref}: a name, a full id or a unique id prefix. */
    public Container container(String ref) {
        return resolve(ref, containers, Container::id, Container::names, "container",
                containers.stream().map(Container::name).collect(Collectors.joining(", ")));
    }

    /** The image called {@code ref}: a name (with or without {@code :latest} and {@code localhost/}), full id or unique prefix. */
    public Image image(String ref) {
        return resolve(ref, images, Image::id, Image::names, "image",
                images.stream().map(Image::name).collect(Collectors.joining(", ")));
    }

    public Optional<Container> findContainer(String ref) {
        try {
            return Optional.of(container(ref));
        } catch (CapasException e) {
            return Optional.empty();
        }
    }

    public Optional<Image> findImage(String ref) {
        try {
            return Optional.of(image(ref));
        } catch (CapasException e) {
            return Optional.empty();
        }
    }

    public Optional<Layer> findLayer(String id) {
        return layers.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public Layer layer(String id) {
        return findLayer(id)
                .orElseThrow(() -> new CapasException(CapasException.Kind.UNKNOWN_LAYER, M.get("layer.unknown", id, graphRoot)));
    }

    /** The image's layers from the bottom (the base) to the top. */
    public List<Layer> imageLayers(Image image) {
        return chain(image.topLayer());
    }

    /** The layers a container sees, top first: its own layer, then the image's from the top down. */
    public List<Layer> containerLayers(Container container) {
        List<Layer> stack = chain(container.layer());
        Collections.reverse(stack);
        return stack;
    }

    /** {@code top} and its parents, bottom first. */
    private List<Layer> chain(String top) {
        Map<String, Layer> byId = new HashMap<>();
        layers.forEach(l -> byId.put(l.id(), l));
        List<Layer> stack = new ArrayList<>();
        for (String id = top; id != null && !id.isEmpty(); ) {
            Layer layer = byId.get(id);
            if (layer == null || stack.size() > byId.size()) {
                break;
            }
            stack.add(layer);
            id = layer.parent();
        }
        Collections.reverse(stack);
        return stack;
    }

    /** Where this store keeps each of its files and folders. */
    @JsonIgnore
    public OverlayLayout layout() {
        return new OverlayLayout(root());
    }

    /** {@code overlay}: the driver's folder, one folder per layer plus {@code l/}. */
    public Path overlayDir() {
        return layout().overlayDir();
    }

    /** {@code overlay/l}: the short links, one per layer, each pointing at that layer's {@code diff}. */
    public Path linkDir() {
        return layout().linkDir();
    }

    /** {@code overlay/<id>}: the layer's folder with {@code diff}, {@code work}, {@code merged}, {@code link}, {@code lower}. */
    public Path layerDir(String layerId) {
        return layout().layerDir(layerId);
    }

    /** {@code overlay/<id>/diff}: the files of that layer. */
    public Path diffDir(String layerId) {
        return layout().diffDir(layerId);
    }

    /** {@code overlay/<id>/work}: overlayfs's scratch folder for a container's mount. */
    public Path workDir(String layerId) {
        return layout().workDir(layerId);
    }

    /** {@code overlay/<id>/merged}: where a container's layer is mounted. */
    public Path mergedDir(String layerId) {
        return layout().mergedDir(layerId);
    }

    /** The layer whose short name in {@code l/} is {@code shortName}. */
    public Optional<String> layerOfLink(String shortName) {
        return links.entrySet().stream().filter(e -> e.getValue().equals(shortName)).map(Map.Entry::getKey).findFirst();
    }

    /** {@code overlay-containers/<id>/userdata}: files podman mounts into the container. */
    public Path userdataDir(Container container) {
        return layout().userdataDir(container.id());
    }

    private <T> T resolve(String ref, List<T> items, Function<T, String> id, Function<T, List<String>> names, String kind, String existing) {
        String wanted = ref == null ? "" : ref.strip();
        List<T> byName = items.stream().filter(item -> names.apply(item).stream().anyMatch(n -> sameName(n, wanted))).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        String hex = wanted.startsWith("sha256:") ? wanted.substring(7) : wanted;
        List<T> byId = hex.isEmpty() ? List.of() : items.stream().filter(item -> id.apply(item).startsWith(hex)).toList();
        if (byId.size() == 1) {
            return byId.get(0);
        }
        String shown = existing.isEmpty() ? M.get("none") : existing;
        if (byId.size() > 1 || byName.size() > 1) {
            String candidates = (byId.size() > 1 ? byId : byName).stream().map(id).map(s -> s.substring(0, 12)).collect(Collectors.joining(", "));
            throw new CapasException(CapasException.Kind.AMBIGUOUS_NAME, M.get(kind + ".ambiguous", ref, candidates));
        }
        throw new CapasException(unknownKind(kind), M.get(kind + ".unknown", ref, graphRoot, shown), M.get(kind + ".unknown.hint"));
    }

    private static CapasException.Kind unknownKind(String kind) {
        return kind.equals("image") ? CapasException.Kind.UNKNOWN_IMAGE : CapasException.Kind.UNKNOWN_CONTAINER;
    }

    /** Podman's short names: {@code curso/httpd} means {@code localhost/curso/httpd:latest}. */
    private static boolean sameName(String stored, String wanted) {
        if (stored.equals(wanted)) {
            return true;
        }
        String withTag = wanted.contains(":") && wanted.lastIndexOf(':') > wanted.lastIndexOf('/') ? wanted : wanted + ":latest";
        return stored.equals(withTag) || stored.equals("localhost/" + withTag);
    }
}
