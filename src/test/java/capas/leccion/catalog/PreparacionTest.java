package capas.leccion.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import capas.leccion.Checked;
import capas.leccion.LessonCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 00-preparacion's checks: listed in the catalog, called by the notebook by name, in its order. */
class PreparacionTest {
    private final Preparacion lesson = new Preparacion();

    @Test
    void theCatalogFindsItAs00() {
        assertThat(LessonCatalog.get("00")).isInstanceOf(Preparacion.class);
    }

    @Test
    void theNotebookCallsEveryCheckInOrderAndEachHasItsTitle() throws Exception {
        String notebook = Files.readString(Path.of("notebooks", "00-preparacion.ipynb"));
        Matcher m = Pattern.compile("leccion\\.comprueba\\(\\\\\"([a-z-]+)\\\\\"").matcher(notebook);
        List<String> called = new ArrayList<>();
        while (m.find()) {
            called.add(m.group(1));
        }
        assertThat(called).containsExactlyElementsOf(lesson.checks().keySet());
        lesson.checks().keySet().forEach(check -> assertThat(lesson.title(check)).startsWith("Comprueba: "));
    }

    @Test
    void theDiagnosisCheckFailsWhenTheLabCannotWorkAndSaysWhy() {
        var check = lesson.checks().get("diagnostico");
        assertThat(check.check(null, List.of(true, "El laboratorio puede funcionar (sin avisos)."))).singleElement()
                .satisfies(c -> assertThat(c.holds()).isTrue()).extracting(Checked::evidence).isEqualTo("El laboratorio puede funcionar (sin avisos).");
        assertThat(check.check(null, List.of(false, "El laboratorio no puede funcionar: 1 error."))).singleElement()
                .satisfies(c -> assertThat(c.holds()).isFalse()).extracting(Checked::claim).asString().contains("arregla el primero de la tabla");
    }
}
