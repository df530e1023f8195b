package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.render.LayerBox;
import capas.render.StackDiagram;
import capas.store.Image;
import capas.store.Layer;
import capas.store.Store;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageStackTest {
    private static final String ROOT = "/var/lib/containers/storage";
    private static final String BOTTOM = "a".repeat(64);
    private static final String MIDDLE = "b".repeat(64);
    private static final String TOP = "c".repeat(64);

    private static Layer layer(String id, String parent, long size) {
        return new Layer(id, parent, List.of(), "2026-01-01T00:00:00Z", "sha256:" + id, size, "sha256:" + id, size);
    }

    private static Store store() {
        Image image = new Image("d".repeat(64), "sha256:" + "e".repeat(64), List.of("localhost/curso/httpd:latest"), TOP, "2026-01-01T00:00:00Z");
        // layers.json order is not the chain's: the diagram follows parent
        return new Store(Mode.ROOTFUL, ROOT, List.of(), List.of(image),
                List.of(layer(MIDDLE, BOTTOM, 2048), layer(TOP, MIDDLE, 512), layer(BOTTOM, null, 4_330_496)),
                Map.of(BOTTOM, "E7MKYP3L3UX32LZUMVNAJLXDXS", MIDDLE, "JITPTX3B7M3RRK7A4IP7ZHVKMV", TOP, "SWC6IX5OMYOQRUO2MGXYR4JQXD"));
    }

    @Test
    void drawsTheImageAloneTopFirstWithShortNamesAndDiffFolders() {
        StackDiagram d = ImageStack.diagram(store(), "localhost/curso/httpd:latest");

        assertThat(d.containerName()).isNull();
        assertThat(d.imageName()).isEqualTo("localhost/curso/httpd:latest");
        assertThat(d.layers()).extracting(LayerBox::id).containsExactly(TOP, MIDDLE, BOTTOM);
        assertThat(d.layers()).noneMatch(LayerBox::containerLayer);
        assertThat(d.layers().get(2).linkName()).isEqualTo("E7MKYP3L3UX32LZUMVNAJLXDXS");
        assertThat(d.layers().get(0).diffPath()).isEqualTo(ROOT + "/overlay/" + TOP + "/diff");
        assertThat(d.description()).contains("l/JITPTX3B7M3RRK7A4IP7ZHVKMV").contains(ROOT + "/overlay/" + BOTTOM + "/diff");
        assertThat(d.svg()).contains("<svg").contains("<title>" + BOTTOM + "</title>");
    }
}
