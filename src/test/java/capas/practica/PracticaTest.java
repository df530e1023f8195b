package capas.practica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The prácticas in labs/ and the library agree: every check cell has its hint and solution. */
class PracticaTest {

    private static List<Path> labs() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("labs"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void everyCheckCellHasAHintAndASolution() throws Exception {
        assertThat(labs()).hasSizeGreaterThanOrEqualTo(4);
        for (Path lab : labs()) {
            String id = lab.getFileName().toString().replace(".ipynb", "");
            JsonNode nb = new ObjectMapper().readTree(lab.toFile());
            assertThat(nb.toString()).as(id + " opens its own práctica").contains("Practica.abrir(\\\"" + id + "\\\")");
            int checks = 0;
            for (JsonNode cell : nb.path("cells")) {
                String tag = cell.path("metadata").path("tags").path(0).asText("");
                if (tag.startsWith("comprueba-")) {
                    checks++;
                    String task = tag.substring("comprueba-".length());
                    Messages text = Messages.forClass(PracticaCatalog.get(id).getClass());
                    assertThat(text.has("t" + task + ".pista.1")).as(id + " task " + task + " hint").isTrue();
                    assertThat(text.has("t" + task + ".solucion")).as(id + " task " + task + " solution").isTrue();
                }
            }
            assertThat(checks).as(id + " check cells").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anUnknownPracticaListsTheRealOnes() {
        assertThatThrownBy(() -> Practica.abrir("p9-no-existe")).isInstanceOf(CapasException.class)
                .hasMessageContaining("No hay ninguna práctica «p9-no-existe»")
                .hasMessageContaining("p1-donde-esta-tu-fichero, p2-copias-y-whiteouts, p3-uids-rootless, p4-liberar-una-imagen");
    }

    @Test
    void theCatalogFindsEveryPracticaClassAndEachHasItsNotebook() throws Exception {
        List<String> notebooks = labs().stream().map(p -> p.getFileName().toString().replace(".ipynb", "")).toList();
        assertThat(PracticaCatalog.ids()).containsExactlyElementsOf(notebooks);
    }

    @Test
    void theLessonLabelIsThePracticaNumber() {
        assertThat(PracticaCatalog.lessonOf("p4-liberar-una-imagen")).isEqualTo("p4");
        assertThat(PracticaCatalog.lessonOf("p7")).isEqualTo("p7");
    }
}
