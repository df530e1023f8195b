package capas.practica.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.practica.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Práctica 2's new tasks: following {@code lower} through {@code l/}, and the two graph roots. */
class SharedLayersTest {
    private static final String TOP = "a1".repeat(32);
    private static final String PARENT = "b2".repeat(32);
    private static final String MIDDLE = "c3".repeat(32);
    private static final String BOTTOM = "d4".repeat(32);
    private static final String IMAGE = "e5".repeat(32);
    private static final List<String> NAMES = List.of("PARENTPARENTPARENTPARENT01", "MIDDLEMIDDLEMIDDLEMIDDLE02", "BOTTOMBOTTOMBOTTOMBOTTOM03");
    private static final SharedLayers.LowerFacts LOWER = new SharedLayers.LowerFacts(TOP, NAMES, List.of(PARENT, MIDDLE, BOTTOM), List.of(IMAGE));
    private static final Path ROOTFUL = Path.of("/var/lib/containers/storage");
    private static final Path HOME = Path.of("/home/alumno");
    private static final Path ROOTLESS = HOME.resolve(".local/share/containers/storage");

    @Test
    void theFirstShortNameOfLowerLeadsToTheParent() {
        for (String given : List.of(PARENT, PARENT.substring(0, 12), "sha256:" + PARENT, "../" + PARENT + "/diff", "/var/lib/containers/storage/overlay/" + PARENT + "/")) {
            Verdict v = SharedLayers.judgeLower(given, LOWER);
            assertThat(v.correct()).as(given).isTrue();
            assertThat(v.task()).isEqualTo(4);
        }
        assertThat(SharedLayers.judgeLower(PARENT, LOWER).details()).containsExactly("l/PARENTPARENTPARENTPARENT01 → ../" + PARENT + "/diff");
        assertThat(SharedLayers.judgeLower(PARENT, LOWER).message()).contains("La lista tiene 3 nombres");
    }

    @Test
    void eachUsualWrongLayerGetsItsOwnDirection() {
        Map<String, String> expected = Map.of(
                NAMES.get(0), "Ese es el nombre corto, tal como está en lower",
                "l/" + NAMES.get(2), "no es el primero de la lista",
                TOP, "Esa es la capa cuyo fichero lower estás leyendo",
                BOTTOM.substring(0, 12), "la de abajo del todo",
                MIDDLE, "no es la primera",
                IMAGE, "identificador de una imagen",
                "f6".repeat(32), "Ninguna capa",
                "la de abajo", "no parece el identificador");
        expected.forEach((given, says) -> {
            Verdict v = SharedLayers.judgeLower(given, LOWER);
            assertThat(v.correct()).as(given).isFalse();
            assertThat(v.message()).as(given).contains(says);
        });
    }

    @Test
    void theGraphRootsAreRootfulThenRootless() {
        Verdict v = SharedLayers.judgeRoots(ROOTFUL + " " + ROOTLESS, ROOTFUL, ROOTLESS, HOME);
        assertThat(v.correct()).isTrue();
        assertThat(v.details()).containsExactly("rootful: " + ROOTFUL, "rootless: " + ROOTLESS);
        // Written as a student types them: a home shortcut, a trailing slash, a comma.
        assertThat(SharedLayers.judgeRoots(ROOTFUL + "/, ~/.local/share/containers/storage", ROOTFUL, ROOTLESS, HOME).correct()).isTrue();
        assertThat(SharedLayers.judgeRoots("\"" + ROOTFUL + "\" $HOME/.local/share/containers/storage\n", ROOTFUL, ROOTLESS, HOME).correct()).isTrue();
    }

    @Test
    void eachUsualWrongRootGetsItsOwnDirection() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry(ROOTLESS + " " + ROOTFUL, "en otro orden"),
                Map.entry(ROOTFUL + " " + ROOTFUL, "dos veces la misma ruta"),
                Map.entry(ROOTLESS + " /tmp/x", "La primera ruta es la del almacén rootless"),
                Map.entry("/tmp/x " + ROOTFUL, "La segunda ruta es la del almacén rootful"),
                Map.entry(ROOTFUL + "/overlay " + ROOTLESS, "La del almacén rootful (la primera) es la carpeta del driver overlay"),
                Map.entry(ROOTFUL + " " + ROOTLESS + "/overlay-images", "La del almacén rootless (la segunda) es una carpeta de dentro"),
                Map.entry("/etc/containers/storage.conf " + ROOTLESS, "es un fichero de configuración"),
                Map.entry(ROOTFUL + " /run/user/1001/containers", "RunRoot"),
                Map.entry("/var/lib/containers " + ROOTLESS, "no es la que dice podman info"),
                Map.entry(ROOTFUL.toString(), "las dos rutas separadas por un espacio"),
                Map.entry("", "las dos rutas separadas por un espacio"));
        expected.forEach((given, says) -> {
            Verdict v = SharedLayers.judgeRoots(given, ROOTFUL, ROOTLESS, HOME);
            assertThat(v.correct()).as(given).isFalse();
            assertThat(v.message()).as(given).contains(says);
        });
    }
}
