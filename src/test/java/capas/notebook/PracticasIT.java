package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import capas.practica.PracticaAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every práctica, run through the kernel as a student would: once with the reference answers
 * (every check passes, and each hint cell gives its first hint) and once per typical wrong
 * answer (its check fails with the expected Spanish feedback, or passes with the expected
 * warning when the variant says {@code "aviso": true}). Answers live in each answer cell's metadata {@code capas.solucion} and
 * {@code capas.errores}; the committed notebook holds only the student's empty cells.
 */
class PracticasIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VARIANTS = Path.of("target", "practicas").toAbsolutePath();
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> practicas() throws IOException {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> labs = Files.list(Path.of("labs"))) {
            for (Path lab : labs.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                JsonNode nb = JSON.readTree(lab.toFile());
                String name = lab.getFileName().toString().replace(".ipynb", "");
                tests.add(DynamicTest.dynamicTest(name + " con las respuestas de referencia", () -> cleaningUp(name, () -> reference(name, nb))));
                for (JsonNode cell : nb.path("cells")) {
                    int i = 0;
                    for (JsonNode error : cell.path("metadata").path("capas").path("errores")) {
                        int n = ++i;
                        String tag = cell.path("metadata").path("tags").get(0).asText();
                        tests.add(DynamicTest.dynamicTest(name + " " + tag + " error " + n, () -> cleaningUp(name, () -> wrong(name, nb, tag, error, n))));
                    }
                }
            }
        }
        assertThat(tests).as("prácticas in labs/").isNotEmpty();
        return tests.stream();
    }

    private static void reference(String name, JsonNode nb) throws IOException {
        ExecutedNotebook run = NotebookRunner.execute(withHintsAsked(variant(nb, name + "-referencia", null, null)));
        for (JsonNode cell : nb.path("cells")) {
            String tag = cell.path("metadata").path("tags").path(0).asText("");
            if (tag.startsWith("comprueba-")) {
                assertThat(run.cell(tag).text()).as(tag).startsWith("✓ ").doesNotContain("\n! ");
            }
            if (tag.startsWith("pista-")) {
                // The hint cell, uncommented: it gives the first hint.
                assertThat(run.cell(tag).text()).as(tag).startsWith("Pista 1: ");
            }
        }
    }

    /**
     * One typical wrong answer: its check says what is wrong (✗ and the expected text), or, for
     * a mistake that does not make the task wrong ({@code "aviso": true}, e.g. a missing label),
     * passes with the expected warning under the ✓.
     */
    private static void wrong(String name, JsonNode nb, String answerTag, JsonNode error, int n) throws IOException {
        ExecutedNotebook run = NotebookRunner.execute(variant(nb, name + "-" + answerTag + "-error-" + n, answerTag, error.path("fuente").asText()), true);
        String check = answerTag.replace("tarea-", "comprueba-");
        String expected = error.path("espera").asText();
        if (error.path("aviso").asBoolean(false)) {
            assertThat(run.cell(check).text()).as(check).startsWith("✓ ").contains("\n! ").contains(expected);
        } else {
            assertThat(run.cell(check).text()).as(check).startsWith("✗ ").contains(expected);
        }
    }

    /** The hint cells with their call uncommented, as a student who asks for a hint runs them. */
    private static Path withHintsAsked(Path notebook) throws IOException {
        ObjectNode nb = (ObjectNode) JSON.readTree(notebook.toFile());
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("metadata").path("tags").path(0).asText("").startsWith("pista-")) {
                String source = cell.path("source").isArray()
                        ? String.join("", JSON.convertValue(cell.path("source"), String[].class)) : cell.path("source").asText();
                ((ObjectNode) cell).put("source", source.replaceAll("(?m)^// (p\\.pista\\(\\d+\\))", "$1"));
            }
        }
        JSON.writeValue(notebook.toFile(), nb);
        return notebook;
    }

    /** The práctica with every answer cell filled with its reference, except {@code tag}, filled with {@code source}. */
    private static Path variant(JsonNode nb, String name, String tag, String source) throws IOException {
        return PracticaAnswers.write(PracticaAnswers.withAnswers(nb, tag, source), VARIANTS, name);
    }

    /**
     * Runs one variant, then resets its lesson with the instructor's tool ({@code ./lab limpiar
     * p1}): a wrong answer may leave a container in the other store, and the next run must start
     * clean.
     */
    private static void cleaningUp(String name, org.junit.jupiter.api.function.Executable run) throws Throwable {
        try {
            run.execute();
        } finally {
            String lesson = name.substring(0, name.indexOf('-'));
            ChildProcess.Result reset = ChildProcess.run(new ProcessBuilder("bash", ROOT.resolve("lab").toString(), "limpiar", lesson),
                    java.time.Duration.ofMinutes(3));
            assertThat(reset.exitCode()).as("./lab limpiar " + lesson + "\n" + reset.output()).isZero();
        }
    }
}
