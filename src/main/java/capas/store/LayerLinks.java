package capas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The layers' short names in {@code l/}, each read from {@code overlay/<id>/link} the first time
 * it is asked for and kept as long as that layer exists.
 *
 * <p>The overlay driver writes a layer's {@code link} once, when it creates the layer, so a
 * name read once stays right. A layer is known by its id <em>and</em> creation time: an image
 * layer removed and pulled again comes back with the same id (it is derived from its contents)
 * but a new short name.
 */
final class LayerLinks {
    private final OverlayLayout layout;
    private final AtomicLong reads;
    /** "id created" → short name; only names read successfully. */
    private final Map<String, String> known = new HashMap<>();

    LayerLinks(OverlayLayout layout, AtomicLong reads) {
        this.layout = layout;
        this.reads = reads;
    }

    /** Forgets the names of layers that are gone. */
    synchronized void keepOnly(List<Layer> layers) {
        Set<String> alive = new java.util.HashSet<>();
        layers.forEach(l -> alive.add(key(l)));
        known.keySet().retainAll(alive);
    }

    /** The links of these layers, as a map read lazily. */
    Map<String, String> view(List<Layer> layers) {
        return new View(layers);
    }

    private synchronized String linkOf(Layer layer) {
        String key = key(layer);
        String name = known.get(key);
        if (name == null) {
            name = read(layer.id());
            if (name != null) {
                known.put(key, name);
            }
        }
        return name;
    }

    private String read(String layerId) {
        reads.incrementAndGet();
        try {
            return Files.readString(layout.linkFile(layerId)).strip();
        } catch (IOException e) {
            // A layer being created or removed has no link yet or any more: asked again next time.
            return null;
        }
    }

    private static String key(Layer layer) {
        return layer.id() + " " + layer.created();
    }

    /**
     * Layer id → short name for one snapshot's layers. Looking one layer up reads one file at
     * most; listing them all (as Jackson does to send a snapshot from a probe) reads the rest.
     */
    private final class View extends AbstractMap<String, String> {
        private final Map<String, Layer> layers = new LinkedHashMap<>();

        View(List<Layer> layers) {
            layers.forEach(l -> this.layers.put(l.id(), l));
        }

        @Override
        public String get(Object layerId) {
            Layer layer = layers.get(layerId);
            return layer == null ? null : linkOf(layer);
        }

        @Override
        public boolean containsKey(Object layerId) {
            return get(layerId) != null;
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> all = new LinkedHashMap<>();
            for (Layer layer : layers.values()) {
                String name = linkOf(layer);
                if (name != null) {
                    all.put(layer.id(), name);
                }
            }
            return java.util.Collections.unmodifiableMap(all).entrySet();
        }
    }

    /** Whether {@code links} reads its names on demand (and must not be copied eagerly). */
    static boolean isLazy(Map<String, String> links) {
        return links instanceof View;
    }
}
