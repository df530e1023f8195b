package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Notebooks live in git without outputs, and open on the Capas kernel. */
class NotebooksAreCleanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Stream.of(Path.of("notebooks"), Path.of("labs"), Path.of("src")).filter(Files::isDirectory)
                .flatMap(NotebooksAreCleanTest::walk)) {
            return files.filter(p -> p.toString().endsWith(".ipynb") && !p.toString().contains(".ipynb_checkpoints")).toList();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thereAreNotebooks() throws IOException {
        assertThat(notebooks()).extracting(p -> p.getFileName().toString()).contains("00-preparacion.ipynb");
    }

    @Test
    void codeCellsHaveNoOutputsNorExecutionCounts() throws IOException {
        for (Path notebook : notebooks()) {
            for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
                if ("code".equals(cell.path("cell_type").asText())) {
                    assertThat(cell.path("outputs").size()).as(notebook + " outputs").isZero();
                    assertThat(cell.path("execution_count").isNull()).as(notebook + " execution_count").isTrue();
                }
            }
        }
    }

    @Test
    void notebooksUseTheCapasKernel() throws IOException {
        for (Path notebook : notebooks()) {
            JsonNode spec = JSON.readTree(notebook.toFile()).path("metadata").path("kernelspec");
            assertThat(spec.path("name").asText()).as(notebook.toString()).isEqualTo("capas");
        }
    }
}
