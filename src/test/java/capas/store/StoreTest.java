package capas.store;

import capas.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path dir;

    private Store rootful() throws Exception {
        return Store.read(Mode.ROOTFUL, FixtureStore.lay("rootful", dir));
    }

    @Test
    void readsContainersWithTheirLayerAndDecodedMetadata() throws Exception {
        Container c = rootful().container("capas-fixture");

        assertThat(c.layer()).hasSize(64);
        assertThat(c.metadata().imageName()).isEqualTo("localhost/curso/httpd:latest");
        assertThat(c.metadata().name()).isEqualTo("capas-fixture");
        assertThat(c.metadata().imageId()).isEqualTo(c.imageId());
    }

    @Test
    void resolvesContainersByNameFullIdAndUniquePrefix() throws Exception {
        Store store = rootful();
        Container byName = store.container("capas-fixture");

        assertThat(store.container(byName.id())).isEqualTo(byName);
        assertThat(store.container(byName.id().substring(0, 12))).isEqualTo(byName);
    }

    @Test
    void unknownContainerIsASpanishErrorListingWhatExists() throws Exception {
        assertThatThrownBy(() -> rootful().container("contenedor9"))
                .isInstanceOf(CapasException.class)
                .hasMessageContaining("No hay ningún contenedor «contenedor9»")
                .hasMessageContaining("capas-fixture");
    }

    @Test
    void resolvesImagesByShortNameLikePodman() throws Exception {
        Store store = rootful();

        Image image = store.image("localhost/curso/httpd:latest");
        assertThat(store.image("curso/httpd")).isEqualTo(image);
        assertThat(store.image("localhost/curso/httpd")).isEqualTo(image);
    }

    @Test
    void imageLayersGoFromTheBaseToTheTopLayer() throws Exception {
        Store store = rootful();
        Image image = store.image("curso/httpd");

        List<Layer> layers = store.imageLayers(image);

        assertThat(layers).hasSize(3);
        assertThat(layers.get(0).parent()).isNull();
        assertThat(layers.get(1).parent()).isEqualTo(layers.get(0).id());
        assertThat(layers.get(2).id()).isEqualTo(image.topLayer());
    }

    @Test
    void containerLayersPutTheContainerLayerOnTopOfTheImage() throws Exception {
        Store store = rootful();
        Container c = store.container("capas-fixture");

        List<Layer> stack = store.containerLayers(c);

        assertThat(stack.get(0).id()).isEqualTo(c.layer());
        assertThat(stack.get(1).id()).isEqualTo(store.image(c.imageId()).topLayer());
        assertThat(stack).hasSize(4);
    }

    @Test
    void shortLinksMapBothWays() throws Exception {
        Store store = rootful();
        String top = store.image("curso/httpd").topLayer();
        String link = store.links().get(top);

        assertThat(link).hasSize(26);
        assertThat(store.layerOfLink(link)).contains(top);
        assertThat(store.layout().shortLink(link)).isEqualTo(dir.resolve("overlay/l/" + link));
    }

    @Test
    void aMissingStoreIsEmptyNotAnError(@TempDir Path empty) {
        Store store = Store.read(Mode.ROOTLESS, empty);

        assertThat(store.containers()).isEmpty();
        assertThat(store.images()).isEmpty();
    }

    @Test
    void corruptJsonIsASpanishErrorNamingTheFile() throws Exception {
        Path root = FixtureStore.lay("rootful", dir);
        Path containers = new OverlayLayout(root).containersJson();
        String json = Files.readString(containers);
        Files.writeString(containers, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> Store.read(Mode.ROOTFUL, root))
                .isInstanceOf(CapasException.class)
                .hasMessageContaining(containers.toString())
                .hasMessageContaining("no es JSON válido");
    }

    @Test
    void rootlessFixtureReadsTheSameWay(@TempDir Path other) throws Exception {
        Store store = Store.read(Mode.ROOTLESS, FixtureStore.lay("rootless", other));

        assertThat(store.container("capas-fixture").metadata().imageName()).isEqualTo("localhost/curso/httpd:latest");
        assertThat(store.imageLayers(store.image("curso/httpd"))).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rootful-podman5", "rootless-podman5"})
    void podman5StoresReadTheSameWay(String captured, @TempDir Path other) throws Exception {
        // Podman 5: images.json metadata "{}", empty volatile-*.json, overlay/.has-mount-program.
        Path root = FixtureStore.lay(captured, other);
        assertThat(root.resolve("overlay-layers/volatile-layers.json")).hasContent("[]");
        assertThat(root.resolve("overlay/.has-mount-program")).exists();

        Store store = Store.read(captured.startsWith("rootful") ? Mode.ROOTFUL : Mode.ROOTLESS, root);

        Container c = store.container("capas-fixture");
        assertThat(c.metadata().imageName()).isEqualTo("localhost/curso/httpd:latest");
        assertThat(store.image("curso/httpd").id()).isEqualTo(c.imageId());
        assertThat(store.imageLayers(store.image("curso/httpd"))).hasSize(3);
        assertThat(store.containerLayers(c)).hasSize(4).first().extracting(Layer::id).isEqualTo(c.layer());
        assertThat(store.layers()).extracting(Layer::id).doesNotContain(".has-mount-program");
    }
}
