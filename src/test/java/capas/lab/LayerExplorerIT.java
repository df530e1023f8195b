package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Env;
import capas.Mode;
import capas.notebook.Prerequisites;
import capas.render.LayerExplorer;
import capas.store.Change;
import capas.store.Location;
import capas.store.PathOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer explorer on the course image and on a container of it, in both modes, as the lab
 * user: rootless in this process, rootful through the sudo probe (its {@code layerFilesIn}).
 */
class LayerExplorerIT {
    private static final String NAME = "capas-it-explorer";
    private static final BothModes MODES = new BothModes(NAME);

    static Stream<Arguments> modes() {
        return BothModes.modes();
    }

    private static Capas lab(Mode mode) {
        return MODES.lab(mode);
    }

    @AfterAll
    static void cleanUp() {
        MODES.cleanUp();
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theImagesLayersAreShownTopFirstAndSayWhereEachFileComesFrom(Mode mode) {
        Capas lab = lab(mode);
        long start = System.nanoTime();
        LayerExplorer explorer = lab.layers().explore(Env.image());
        String html = explorer.toMimeBundle().get("text/html");
        System.out.printf("LayerExplorerIT %s: %d layers, %d entries, HTML %d bytes, in %d ms%n", mode, explorer.layers().size(),
                explorer.layers().stream().mapToInt(l -> l.entries().size()).sum(), html.length(), (System.nanoTime() - start) / 1_000_000);

        List<String> ids = lab.layers().imageLayerIds(Env.image());
        assertThat(explorer.layers()).extracting(LayerExplorer.Layer::id).isEqualTo(ids);
        assertThat(explorer.container()).isFalse();
        LayerExplorer.Layer base = explorer.layers().get(ids.size() - 1);
        assertThat(base.entries()).allMatch(e -> e.mark() == LayerExplorer.Mark.A);
        assertThat(base.entries()).extracting(LayerExplorer.Item::path).contains("/bin", "/bin/busybox");
        assertThat(explorer.layers().get(0).entries()).extracting(LayerExplorer.Item::path).contains("/var/www/index.html");
        assertThat(html).contains("Capa 1 de la imagen").doesNotContain("<details open");

        PathOrigin busybox = lab.layers().whichLayer(Env.image(), "/bin/busybox");
        assertThat(busybox.layerNumber()).isEqualTo(1);
        assertThat(busybox.layerId()).isEqualTo(ids.get(ids.size() - 1));
        assertThat(busybox.toString()).contains("sale de la capa 1 de la imagen");
        PathOrigin index = lab.layers().whichLayer(Env.image(), "/var/www/index.html");
        assertThat(index.layerNumber()).isEqualTo(ids.size());
        assertThat(index.layerId()).isEqualTo(ids.get(0));
        assertThat(lab.layers().whichLayer(Env.image(), "/no/existe").state()).isEqualTo(Location.State.ABSENT);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aContainersOwnLayerShowsWhatPodmanDiffShows(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        lab.podman().exec(NAME, "sh", "-c", "rm /var/www/index.html && echo x >> /etc/passwd && mkdir -p /srv/nuevo && echo hola > /tmp/tmpfile.txt");

        LayerExplorer explorer = lab.layers().explore(NAME);

        assertThat(explorer.container()).isTrue();
        assertThat(explorer.layers()).hasSize(1 + lab.layers().imageLayerIds(Env.image()).size());
        assertThat(explorer.layers().get(0).id()).isEqualTo(lab.store().container(NAME).layer());
        Map<String, LayerExplorer.Mark> own = explorer.layers().get(0).entries().stream()
                .collect(Collectors.toMap(LayerExplorer.Item::path, LayerExplorer.Item::mark));
        for (Change change : lab.podman().diff(NAME)) {
            assertThat(own.get(change.path())).as(change.toString()).hasToString(change.kind().name());
        }
        assertThat(own).containsEntry("/var/www/index.html", LayerExplorer.Mark.D).containsEntry("/etc/passwd", LayerExplorer.Mark.C)
                .containsEntry("/tmp/tmpfile.txt", LayerExplorer.Mark.A);
        assertThat(explorer.text()).contains("Capa del contenedor (lectura y escritura)").contains("  D  /var/www/index.html\n");

        PathOrigin deleted = lab.layers().whichLayer(NAME, "/var/www/index.html");
        assertThat(deleted.state()).isEqualTo(Location.State.DELETED);
        assertThat(deleted.containerLayer()).isTrue();
        assertThat(deleted.toString()).contains("marca de borrado (whiteout)");
        assertThat(lab.layers().whichLayer(NAME, "/tmp/tmpfile.txt").toString()).contains("sale de la capa del contenedor");
        assertThat(lab.layers().whichLayer(NAME, "/bin/busybox").layerNumber()).isEqualTo(1);
    }
}
