package capas.practica.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.practica.Verdict;
import capas.store.OverlayLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Práctica 3: the labels it asks for, and the direction each usual wrong host path gets. */
class WhereIsYourFileTest {
    private static final String ROOT = "/var/lib/containers/storage";
    private static final String CONTAINER = "c".repeat(64);
    private static final String LAYER = "a1".repeat(32);
    private static final String IMAGE_TOP = "b2".repeat(32);
    private static final String IMAGE_BOTTOM = "d3".repeat(32);
    private static final String REAL = ROOT + "/overlay/" + LAYER + "/diff/tmp/hola.txt";
    private static final WhereIsYourFile.PathFacts FACTS = new WhereIsYourFile.PathFacts(new OverlayLayout(Path.of(ROOT)),
            Path.of("/home/alumno/.local/share/containers/storage"), CONTAINER, LAYER, List.of(IMAGE_TOP, IMAGE_BOTTOM), Path.of(REAL));

    @Test
    void namesTheMissingLabels() {
        assertThat(WhereIsYourFile.missingLabels(Map.of("capas.lab", "true", "capas.leccion", "p3"))).isEmpty();
        assertThat(WhereIsYourFile.missingLabels(Map.of("capas.lab", "true"))).containsExactly("capas.leccion=p3");
        assertThat(WhereIsYourFile.missingLabels(Map.of("capas.lab", "true", "capas.leccion", "03"))).containsExactly("capas.leccion=p3");
        assertThat(WhereIsYourFile.missingLabels(Map.of())).containsExactly("capas.lab=true", "capas.leccion=p3");
    }

    @Test
    void theFileInTheContainersDiffIsRight() {
        Verdict v = WhereIsYourFile.judgePath(REAL, FACTS);
        assertThat(v.correct()).isTrue();
        assertThat(v.message()).startsWith("Correcto");
        // Written with a trailing slash or a "." on the way, it is the same path.
        assertThat(WhereIsYourFile.judgePath(" " + ROOT + "/overlay/./" + LAYER + "/diff/tmp/hola.txt\n", FACTS).correct()).isTrue();
    }

    @Test
    void eachUsualWrongPathGetsItsOwnDirection() {
        String layerDir = ROOT + "/overlay/" + LAYER;
        Map<String, String> expected = Map.ofEntries(
                Map.entry(layerDir + "/merged/tmp/hola.txt", "es merged"),
                Map.entry(ROOT + "/overlay/" + CONTAINER + "/diff/tmp/hola.txt", "identificador del contenedor"),
                Map.entry(ROOT + "/overlay/" + CONTAINER.substring(0, 12) + "/diff/tmp/hola.txt", "identificador del contenedor"),
                Map.entry(ROOT + "/overlay/" + IMAGE_TOP + "/diff/tmp/hola.txt", "capa de la imagen"),
                Map.entry(ROOT + "/overlay/" + IMAGE_BOTTOM.substring(0, 12) + "/diff/tmp/hola.txt", "capa de la imagen"),
                Map.entry(ROOT + "/overlay/" + LAYER.substring(0, 12) + "/diff/tmp/hola.txt", "64 caracteres"),
                Map.entry(layerDir + "/tmp/hola.txt", "subcarpeta diff"),
                Map.entry(layerDir + "/diff", "falta, detrás, la ruta del fichero"),
                Map.entry(layerDir + "/diff/hola.txt", "la ruta dentro de diff no"),
                Map.entry(layerDir + "/work/tmp/hola.txt", "carpeta de trabajo"),
                Map.entry(ROOT + "/overlay/l/ABCDEFGHIJKLMNOPQRSTUVWXYZ/tmp/hola.txt", "enlace corto"),
                Map.entry(ROOT + "/overlay/" + "e4".repeat(32) + "/diff/tmp/hola.txt", "otra capa"),
                Map.entry(ROOT + "/overlay-containers/" + CONTAINER + "/userdata/hola.txt", "userdata"),
                Map.entry(ROOT + "/overlay-containers/" + CONTAINER + "/hola.txt", "registro de los contenedores"),
                Map.entry(ROOT + "/overlay-layers/" + LAYER + "/tmp/hola.txt", "índices"),
                Map.entry(ROOT + "/tmp/hola.txt", "fuera de overlay/"),
                Map.entry("/home/alumno/.local/share/containers/storage/overlay/" + LAYER + "/diff/tmp/hola.txt", "almacén rootless"),
                Map.entry("/tmp/hola.txt", "ruta dentro del contenedor"),
                Map.entry("overlay/" + LAYER + "/diff/tmp/hola.txt", "ruta completa"),
                Map.entry("/srv/hola.txt", "no está en el almacén rootful (" + ROOT + ")"));
        expected.forEach((answer, says) -> {
            Verdict v = WhereIsYourFile.judgePath(answer, FACTS);
            assertThat(v.correct()).as(answer).isFalse();
            assertThat(v.message()).as(answer).contains(says);
        });
    }

    @Test
    void anEmptyAnswerAsksForOne() {
        assertThat(WhereIsYourFile.judgePath("  ", FACTS).message()).contains("variable respuesta");
        assertThat(WhereIsYourFile.judgePath(null, FACTS).message()).contains("variable respuesta");
    }

    private static final String LOG = ROOT + "/overlay-containers/" + CONTAINER + "/userdata/ctr.log";
    private static final WhereIsYourFile.PathFacts LOG_FACTS = new WhereIsYourFile.PathFacts(new OverlayLayout(Path.of(ROOT)),
            Path.of("/home/alumno/.local/share/containers/storage"), CONTAINER, LAYER, List.of(), Path.of(LOG));

    @Test
    void theLogIsCtrLogInTheContainersUserdata() {
        Verdict v = WhereIsYourFile.judgeLog(" " + LOG + "\n", LOG_FACTS);
        assertThat(v.correct()).isTrue();
        assertThat(v.message()).startsWith("Correcto").contains("podman logs");
        assertThat(v.task()).isEqualTo(4);
    }

    @Test
    void eachUsualWrongLogPathGetsItsOwnDirection() {
        String userdata = ROOT + "/overlay-containers/" + CONTAINER + "/userdata";
        Map<String, String> expected = Map.ofEntries(
                Map.entry(userdata + "/config.json", "config.json es la configuración"),
                Map.entry(userdata, "falta, detrás, el nombre del fichero"),
                Map.entry(userdata + "/shm", "ese fichero no"),
                Map.entry(ROOT + "/overlay-containers/" + LAYER + "/userdata/ctr.log", "no el de su capa"),
                Map.entry(ROOT + "/overlay-containers/" + CONTAINER.substring(0, 12) + "/userdata/ctr.log", "64 caracteres"),
                Map.entry(ROOT + "/overlay-containers/" + "e4".repeat(32) + "/userdata/ctr.log", "no es la de mi-contenedor"),
                Map.entry(ROOT + "/overlay/" + LAYER + "/diff/ctr.log", "Eso está en overlay/"),
                Map.entry("/run/containers/storage/overlay-containers/" + CONTAINER + "/userdata/ctr.log", "runroot"),
                Map.entry("ctr.log", "El fichero es ese, pero escribe su ruta completa"),
                Map.entry("/home/alumno/.local/share/containers/storage/overlay-containers/" + CONTAINER + "/userdata/ctr.log", "almacén rootless"),
                Map.entry("/var/log/ctr.log", "Ese no es el fichero"));
        expected.forEach((given, says) -> {
            Verdict v = WhereIsYourFile.judgeLog(given, LOG_FACTS);
            assertThat(v.correct()).as(given).isFalse();
            assertThat(v.message()).as(given).contains(says);
        });
        assertThat(WhereIsYourFile.judgeLog("  ", LOG_FACTS).message()).contains("entre comillas");
    }
}
