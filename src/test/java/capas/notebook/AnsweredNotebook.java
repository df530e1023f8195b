package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A lesson as a student who predicts right would run it: a copy of the notebook (same file name,
 * in target/) whose {@code leccion.predigo("q", "tu respuesta aquí")} cells carry the given answers.
 */
public final class AnsweredNotebook {
    static final String PLACEHOLDER = "tu respuesta aquí";
    private static final Path DIR = Path.of("target", "notebooks-answered").toAbsolutePath();

    private AnsweredNotebook() {
    }

    /** Every question of {@code answers} must be asked in the notebook, and be answered by the copy. */
    public static Path with(Path ipynb, Map<String, String> answers) {
        try {
            ObjectNode nb = (ObjectNode) new ObjectMapper().readTree(ipynb.toFile());
            Set<String> answered = new HashSet<>();
            for (JsonNode cell : nb.path("cells")) {
                ArrayNode source = (ArrayNode) cell.path("source");
                for (int i = 0; i < source.size(); i++) {
                    String line = source.get(i).asText();
                    for (Map.Entry<String, String> a : answers.entrySet()) {
                        String asked = "predigo(\"" + a.getKey() + "\", \"" + PLACEHOLDER + "\")";
                        if (line.contains(asked)) {
                            line = line.replace(asked, "predigo(\"" + a.getKey() + "\", \"" + a.getValue() + "\")");
                            answered.add(a.getKey());
                        }
                    }
                    source.set(i, line);
                }
            }
            assertThat(answered).as("predictions asked in " + ipynb).containsExactlyInAnyOrderElementsOf(answers.keySet());
            Files.createDirectories(DIR);
            Path copy = DIR.resolve(ipynb.getFileName());
            new ObjectMapper().writeValue(copy.toFile(), nb);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
