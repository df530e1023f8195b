package capas.cli;

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

/** {@code ./lab exportar --alumno}: what a student's handout keeps and what it never holds. */
class ExportarCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHandoutOfEveryNotebookHoldsNoSolutionNorOutput() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("notebooks", "labs")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(f -> f.toString().endsWith(".ipynb")).sorted().forEach(all::add);
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(11);
        int solutionsSeen = 0;
        for (Path file : all) {
            JsonNode original = JSON.readTree(file.toFile());
            JsonNode handout = ExportarCommand.handout(original);
            String text = handout.toString();
            assertThat(text).as(file.toString()).doesNotContain("solucion(").doesNotContain("\"solucion\"").doesNotContain("\"errores\"");
            for (JsonNode cell : original.path("cells")) {
                String solution = cell.path("metadata").path("capas").path("solucion").asText("");
                if (!solution.isBlank()) {
                    solutionsSeen++;
                    assertThat(sources(handout)).as(file + ": the reference answer").doesNotContain(solution);
                }
            }
            for (JsonNode cell : handout.path("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    assertThat(cell.path("outputs").size()).as(file.toString()).isZero();
                    assertThat(cell.path("execution_count").isNull()).as(file.toString()).isTrue();
                }
            }
            assertThat(handout.path("cells").size()).as("no cell is dropped from " + file).isEqualTo(original.path("cells").size());
        }
        assertThat(solutionsSeen).as("the prácticas carry reference answers to hide").isGreaterThan(20);
    }

    @Test
    void theHandoutKeepsTheTaskHintsAndTheSentencesAroundTheSolution() throws IOException {
        JsonNode p4 = ExportarCommand.handout(JSON.readTree(Path.of("labs/p4-copias-y-whiteouts.ipynb").toFile()));
        String intro = p4.path("cells").path(0).path("source").toString();
        assertThat(intro).contains("da una pista más cada vez que la ejecutas. Duración");
        assertThat(sources(p4)).contains("// p.pista(1)").contains("p.comprobar(1");
        JsonNode p3 = ExportarCommand.handout(JSON.readTree(Path.of("labs/p3-donde-esta-tu-fichero.ipynb").toFile()));
        assertThat(p3.path("cells").path(0).path("source").toString()).contains("p.pista(N)").doesNotContain("Déjala para el final");
    }

    @Test
    void outputsAndAnswersOfAnExecutedCellAreDropped() throws IOException {
        JsonNode nb = JSON.readTree("""
                {"cells": [{"cell_type": "code", "execution_count": 7,
                  "metadata": {"tags": ["tarea-1"], "capas": {"solucion": "var respuesta = 42;"}},
                  "outputs": [{"output_type": "stream", "text": ["Correcto: 42"]}],
                  "source": ["var respuesta = -1;\\n", "p.solucion(1)"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""");
        JsonNode cell = ExportarCommand.handout(nb).path("cells").path(0);
        assertThat(cell.path("outputs").size()).isZero();
        assertThat(cell.path("execution_count").isNull()).isTrue();
        assertThat(cell.path("metadata").toString()).isEqualTo("{\"tags\":[\"tarea-1\"]}");
        assertThat(cell.path("source").toString()).isEqualTo("[\"var respuesta = -1;\"]");
        assertThat(nb.path("cells").path(0).path("outputs").size()).as("the original is left alone").isEqualTo(1);
    }

    private static String sources(JsonNode notebook) {
        StringBuilder all = new StringBuilder();
        notebook.path("cells").forEach(c -> c.path("source").forEach(l -> all.append(l.asText())));
        return all.toString();
    }
}
