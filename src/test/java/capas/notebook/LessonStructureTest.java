package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What README promises of every lesson: each numbered section ends with a Comprueba cell (a
 * code cell tagged {@code comprueba-…}) that checks its claim on the student's machine. The
 * preparation (section 0) and the summary are not claims. And of every práctica: a hint or a
 * solution shows only when the student asks for it, so running the whole notebook (Shift+Enter
 * all the way down) reveals none.
 */
class LessonStructureTest {
    private static final Pattern HINT_OR_SOLUTION = Pattern.compile("\\.(pista|solucion)\\(");
    private static final Pattern SECTION = Pattern.compile("^## (\\d+)\\. (.*)$", Pattern.MULTILINE);

    @Test
    void everyNumberedSectionHasAComprueba() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                missing.addAll(sectionsWithoutCheck(nb.getFileName().toString(), new ObjectMapper().readTree(nb.toFile())));
            }
        }
        assertThat(missing).as("sections without a Comprueba").isEmpty();
    }

    @Test
    void aSectionWithoutCheckIsFound() throws IOException {
        JsonNode nb = new ObjectMapper().readTree("""
                {"cells": [
                  {"cell_type": "markdown", "source": ["## 1. Uno\\n"]},
                  {"cell_type": "code", "metadata": {"tags": ["comprueba-uno"]}, "source": []},
                  {"cell_type": "markdown", "source": ["## 2. Dos"]},
                  {"cell_type": "code", "metadata": {"tags": ["otra"]}, "source": []},
                  {"cell_type": "markdown", "source": ["## Resumen"]}
                ]}""");
        assertThat(sectionsWithoutCheck("x", nb)).containsExactly("x § 2. Dos");
    }

    @Test
    void everyPracticaHintAndSolutionCellIsCommentedOut() throws IOException {
        List<String> live = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("labs"))) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                live.addAll(liveHintsAndSolutions(nb.getFileName().toString(), new ObjectMapper().readTree(nb.toFile())));
            }
        }
        assertThat(live).as("hint or solution calls that run without being asked for").isEmpty();
    }

    @Test
    void aLiveHintOrSolutionIsFound() throws IOException {
        JsonNode nb = new ObjectMapper().readTree("""
                {"cells": [
                  {"cell_type": "markdown", "source": ["`p.pista(N)` da una pista"]},
                  {"cell_type": "code", "metadata": {"tags": ["pista-1"]}, "source": ["// ¿Te has atascado?\\n", "// p.pista(1)"]},
                  {"cell_type": "code", "metadata": {"tags": ["pista-2"]}, "source": ["p.pista(2)"]},
                  {"cell_type": "code", "metadata": {"tags": ["otra"]}, "source": ["var x = 1;\\n", "  p.solucion(3);"]}
                ]}""");
        assertThat(liveHintsAndSolutions("x", nb)).containsExactly("x: p.pista(2)", "x: p.solucion(3);");
    }

    /** Lines of code cells that call {@code pista} or {@code solucion} without a {@code //} before them. */
    /** A beginner reads a Comprueba, not test code: the check lives in the library (capas.leccion). */
    @Test
    void everyCompruebaIsAtMostThreeLinesOfJava() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            for (Path nb : files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList()) {
                long_.addAll(longChecks(nb.getFileName().toString(), new ObjectMapper().readTree(nb.toFile())));
            }
        }
        assertThat(long_).as("Comprueba cells longer than " + MAX_CHECK_LINES + " lines").isEmpty();
    }

    @Test
    void aLongCompruebaIsFound() throws IOException {
        JsonNode nb = new ObjectMapper().readTree("""
                {"cells": [
                  {"cell_type": "code", "metadata": {"tags": ["comprueba-corta"]}, "source": ["leccion.comprueba(a);\\n", "\\n", "// nota"]},
                  {"cell_type": "code", "metadata": {"tags": ["comprueba-larga"]}, "source": ["var a = 1;\\n", "var b = 2;\\n", "var c = 3;\\n", "leccion.comprueba(b, a, b, c);"]}
                ]}""");
        assertThat(longChecks("x", nb)).containsExactly("x [comprueba-larga]: 4 líneas");
    }

    private static final int MAX_CHECK_LINES = 3;

    /** Comprueba cells with more than {@value #MAX_CHECK_LINES} lines of code (blank lines and comments do not count). */
    static List<String> longChecks(String name, JsonNode nb) {
        List<String> found = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            String tag = null;
            for (JsonNode t : cell.path("metadata").path("tags")) {
                if (t.asText().startsWith("comprueba")) {
                    tag = t.asText();
                }
            }
            if (tag == null || !cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            StringBuilder source = new StringBuilder();
            cell.path("source").forEach(line -> source.append(line.asText()));
            long lines = source.toString().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).count();
            if (lines > MAX_CHECK_LINES) {
                found.add(name + " [" + tag + "]: " + lines + " líneas");
            }
        }
        return found;
    }

    static List<String> liveHintsAndSolutions(String name, JsonNode nb) {
        List<String> live = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) {
                continue;
            }
            StringBuilder source = new StringBuilder();
            cell.path("source").forEach(line -> source.append(line.asText()));
            source.toString().lines().map(String::strip)
                    .filter(l -> HINT_OR_SOLUTION.matcher(l).find() && !l.startsWith("//"))
                    .forEach(l -> live.add(name + ": " + l));
        }
        return live;
    }

    static List<String> sectionsWithoutCheck(String name, JsonNode nb) {
        List<String> missing = new ArrayList<>();
        String open = null;
        boolean checked = false;
        for (JsonNode cell : nb.path("cells")) {
            StringBuilder source = new StringBuilder();
            cell.path("source").forEach(line -> source.append(line.asText()));
            if (cell.path("cell_type").asText().equals("markdown") && source.toString().contains("## ")) {
                Matcher m = SECTION.matcher(source);
                boolean heading = source.toString().lines().anyMatch(l -> l.startsWith("## "));
                if (heading) {
                    if (open != null && !checked) {
                        missing.add(open);
                    }
                    open = m.find() && !m.group(1).equals("0") ? name + " § " + m.group(1) + ". " + m.group(2) : null;
                    checked = false;
                }
            }
            for (JsonNode tag : cell.path("metadata").path("tags")) {
                checked |= tag.asText().startsWith("comprueba");
            }
        }
        if (open != null && !checked) {
            missing.add(open);
        }
        return missing;
    }
}
