package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Notebooks live in git without outputs or execution counts (the nbstripout rule, in JUnit). */
class CommittedNotebooksTest {
    private static final List<Path> ROOTS = List.of(Path.of("notebooks"), Path.of("labs"), Path.of("src"));

    @Test
    void haveNoOutputsNorExecutionCounts() throws IOException {
        List<String> dirty = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (Path notebook : notebooks()) {
            for (JsonNode cell : json.readTree(notebook.toFile()).path("cells")) {
                boolean outputs = cell.path("outputs").size() > 0;
                boolean count = cell.has("execution_count") && !cell.get("execution_count").isNull();
                if (outputs || count) {
                    dirty.add(notebook + " " + cell.path("id").asText("?"));
                }
            }
        }
        assertThat(dirty).isEmpty();
    }

    private static List<Path> notebooks() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : ROOTS) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints"))
                            .forEach(found::add);
                }
            }
        }
        return found;
    }
}
