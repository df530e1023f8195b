package capas.lab;

import capas.Sizes;
import capas.render.LayerBox;
import capas.render.StackDiagram;
import capas.store.Image;
import capas.store.Layer;
import capas.store.Store;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An image's layers as the store keeps them, drawn with the same stack diagram as a container's
 * (no container layer, no {@code merged}): each box is one layer of the {@code parent} chain,
 * with its short name in {@code overlay/l/}, its {@code diff} folder and its {@code diff-size}.
 */
public final class ImageStack {
    private ImageStack() {
    }

    /** The diagram of {@code image} in {@code lab}'s store, top layer first. */
    public static StackDiagram diagram(Capas lab, String image) {
        return diagram(lab.store(), image);
    }

    /** The diagram of {@code image} in {@code store}, top layer first. */
    public static StackDiagram diagram(Store store, String image) {
        Image img = store.image(image);
        List<Layer> layers = new ArrayList<>(store.imageLayers(img));
        Collections.reverse(layers);
        List<LayerBox> boxes = new ArrayList<>();
        for (Layer layer : layers) {
            boxes.add(new LayerBox(layer.id(), false, store.links().get(layer.id()), store.diffDir(layer.id()).toString(),
                    Sizes.human(layer.diffSize())));
        }
        return new StackDiagram(null, img.name(), boxes, null, false, null, null);
    }
}
