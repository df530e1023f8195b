package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Layers named as the layer explorer names them: the container's own, or image layer n from the base. */
class PathOriginTest {
    private static Location at(Location.State state, int depth) {
        return new Location("/bin/busybox", "/bin/busybox", state, state == Location.State.ABSENT ? null : "abc", depth,
                state == Location.State.ABSENT ? null : "/var/lib/containers/storage/overlay/abc/diff/bin/busybox", "fichero", 10, 0, 0);
    }

    @Test
    void anImagesLayersAreCountedFromTheBase() {
        PathOrigin top = PathOrigin.of("localhost/curso/httpd:latest", false, 3, at(Location.State.PRESENT, 0));
        PathOrigin base = PathOrigin.of("localhost/curso/httpd:latest", false, 3, at(Location.State.PRESENT, 2));

        assertThat(top.layerNumber()).isEqualTo(3);
        assertThat(top.containerLayer()).isFalse();
        assertThat(base.layerNumber()).isEqualTo(1);
        assertThat(base.toString()).startsWith("/bin/busybox (fichero) sale de la capa 1 de la imagen: abc.")
                .contains("En el anfitrión: /var/lib/containers/storage/overlay/abc/diff/bin/busybox");
    }

    @Test
    void aContainersOwnLayerIsNamedSoAndItsImageLayersKeepTheirNumbers() {
        PathOrigin own = PathOrigin.of("contenedor1", true, 4, at(Location.State.DELETED, 0));
        PathOrigin image = PathOrigin.of("contenedor1", true, 4, at(Location.State.PRESENT, 1));

        assertThat(own.containerLayer()).isTrue();
        assertThat(own.toString()).startsWith("/bin/busybox está borrado: la capa del contenedor (abc) tiene una marca de borrado (whiteout)");
        assertThat(image.layerNumber()).isEqualTo(3);
    }

    @Test
    void whatNoLayerHasSaysWhereItWasLookedFor() {
        PathOrigin absent = PathOrigin.of("contenedor1", true, 4, at(Location.State.ABSENT, -1));

        assertThat(absent.layerId()).isNull();
        assertThat(absent.toString()).isEqualTo("/bin/busybox no está en ninguna capa de contenedor1.");
    }
}
