package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.Sizes;
import capas.context.CachedStore;
import capas.context.Inspector;
import capas.render.Displayable;
import capas.render.Highlight;
import capas.render.LayerBox;
import capas.render.LayerExplorer;
import capas.render.StackDiagram;
import capas.store.Change;
import capas.store.Container;
import capas.store.Image;
import capas.store.Layer;
import capas.store.LayerFiles;
import capas.store.Location;
import capas.store.OverlayMount;
import capas.store.PathOrigin;
import capas.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The layer stacks of images and containers, and the question the lessons keep asking of them:
 * which layer serves a file (or hides it with a whiteout). Answered as values and drawn, each
 * from one snapshot of the store.
 *
 * <pre>{@code
 * lab.layers().locate("contenedor1", "/tmp/tmpfile.txt");   // which layer, and the host path
 * lab.layers().diagram("contenedor1", "/tmp/tmpfile.txt");  // the stack, the file highlighted
 * lab.layers().explore(Env.image());                        // each layer's files, A/C/D
 * lab.layers().whichLayer(Env.image(), "/bin/busybox");
 * }</pre>
 */
public final class Layers {
    private static final Messages M = Messages.of(Layers.class);

    private final CachedStore snapshots;
    private final Inspector store;
    private final Mounts mounts;

    Layers(CachedStore snapshots, Inspector store, Mounts mounts) {
        this.snapshots = snapshots;
        this.store = store;
        this.mounts = mounts;
    }

    /** The image's layer ids from the top down, the order of {@code lowerdir}. */
    public List<String> imageLayerIds(String image) {
        Store s = snapshots.current();
        return topFirst(s, s.image(image));
    }

    /** Which layer serves {@code path} in {@code container}, and where that is on the host. */
    public Location locate(String container, String path) {
        Store s = snapshots.current();
        return store.locate(layerIds(s, s.container(container)), path);
    }

    /** The container's changes (A/C/D), read from its layer. */
    public List<Change> changes(String container) {
        Store s = snapshots.current();
        return store.changes(layerIds(s, s.container(container)));
    }

    /**
     * «¿De qué capa sale este fichero?»: the layer of {@code imageOrContainer} that serves
     * {@code path} (or hides it with a whiteout), named as {@link #explore} names it.
     */
    public PathOrigin whichLayer(String imageOrContainer, String path) {
        Stack stack = stack(snapshots.current(), imageOrContainer);
        return PathOrigin.of(stack.name(), stack.container(), stack.layerIds().size(), store.locate(stack.layerIds(), path));
    }

    /**
     * The files of each layer of an image or a container, top layer first, folded: each entry
     * marked A (added), C (modified: a layer below has it too) or D (deleted by a whiteout),
     * with its size. A name that is both a container and an image is taken as the container.
     *
     * @param imageOrContainer an image (name or id) or a container (name or id)
     */
    public LayerExplorer explore(String imageOrContainer) {
        Stack stack = stack(snapshots.current(), imageOrContainer);
        List<LayerExplorer.Layer> layers = new ArrayList<>();
        for (int i = 0; i < stack.layerIds().size(); i++) {
            LayerFiles files = store.layerFiles(stack.layerIds().subList(i, stack.layerIds().size()));
            layers.add(new LayerExplorer.Layer(files.layerId(), files.entries().stream()
                    .map(e -> new LayerExplorer.Item(e.path(), LayerExplorer.Mark.valueOf(e.kind().name()), e.directory(), e.opaque(), e.size()))
                    .toList()));
        }
        return new LayerExplorer(stack.name(), stack.container(), layers);
    }

    /** The layer stack of {@code container}, drawn from the store, with {@code path} marked where it really is. */
    public StackDiagram diagram(String container, String path) {
        Store s = snapshots.current();
        Container c = s.container(container);
        // One snapshot for the whole picture: the layers drawn, the file's layer and the mount all agree.
        Location where = path == null ? null : store.locate(layerIds(s, c), path);
        OverlayMount mount = mounts.of(s, c);
        List<LayerBox> boxes = new ArrayList<>();
        for (Layer layer : s.containerLayers(c)) {
            boolean top = layer.id().equals(c.layer());
            boxes.add(new LayerBox(layer.id(), top, s.links().get(layer.id()), s.diffDir(layer.id()).toString(),
                    top ? null : Sizes.human(layer.diffSize())));
        }
        Highlight highlight = where == null || where.state() == Location.State.ABSENT ? null
                : new Highlight(path, where.layerId(), where.hostPath(), where.state() == Location.State.DELETED);
        return new StackDiagram(c.name(), c.metadata().imageName(), boxes, s.mergedDir(c.layer()).toString(), mount != null,
                s.workDir(c.layer()).toString(), highlight);
    }

    /** The diagram of the container alone, with no file marked. */
    public Displayable diagram(String container) {
        return diagram(container, null);
    }

    /** The container's layers, top first, as snapshot {@code s} has them. */
    private static List<String> layerIds(Store s, Container c) {
        return s.containerLayers(c).stream().map(Layer::id).toList();
    }

    private static List<String> topFirst(Store s, Image image) {
        List<String> ids = new ArrayList<>(s.imageLayers(image).stream().map(Layer::id).toList());
        Collections.reverse(ids);
        return ids;
    }

    /** An image's or a container's layers, top first. */
    private record Stack(String name, boolean container, List<String> layerIds) {
    }

    private static Stack stack(Store s, String imageOrContainer) {
        Optional<Container> container = s.findContainer(imageOrContainer);
        if (container.isPresent()) {
            return new Stack(container.get().name(), true, layerIds(s, container.get()));
        }
        Image image = s.image(imageOrContainer);
        List<String> ids = topFirst(s, image);
        if (ids.isEmpty()) {
            throw new CapasException(CapasException.Kind.UNKNOWN_LAYER, M.get("image.no.layers", image.name()));
        }
        return new Stack(image.name(), false, ids);
    }
}
