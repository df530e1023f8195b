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
 * preparation (section 0) and the summary are not claims.
 */
class LessonStructureTest {
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
