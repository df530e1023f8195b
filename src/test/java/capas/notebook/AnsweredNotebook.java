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
 * A lesson with its prediction cells ({@code prediccion-<pregunta>}, holding
 * {@code leccion.predigo("<pregunta>", "tu respuesta aquí")}) answered as a student who got them
 * right would, written under {@code target/notebooks-answered} with the lesson's own file name.
 */
final class AnsweredNotebook {
    static final String PLACEHOLDER = "\"tu respuesta aquí\"";
    private static final Path DIR = Path.of("target", "notebooks-answered").toAbsolutePath();

    private AnsweredNotebook() {
    }

    /**
     * @param answers every prediction of the lesson and its answer; a prediction cell without one, or an answer without its cell, fails
     */
    static Path of(Path lesson, Map<String, String> answers) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode nb = json.readTree(lesson.toFile());
            Set<String> seen = new HashSet<>();
            for (JsonNode cell : nb.path("cells")) {
                String tag = cell.path("metadata").path("tags").path(0).asText("");
                if (!tag.startsWith("prediccion-")) {
                    continue;
                }
                String question = tag.substring("prediccion-".length());
                assertThat(answers).as("an answer for " + tag).containsKey(question);
                ArrayNode source = json.createArrayNode();
                StringBuilder text = new StringBuilder();
                cell.path("source").forEach(l -> text.append(l.asText()));
                assertThat(text.toString()).as(tag).contains(PLACEHOLDER);
                source.add(text.toString().replace(PLACEHOLDER, json.writeValueAsString(answers.get(question))));
                ((ObjectNode) cell).set("source", source);
                seen.add(question);
            }
            assertThat(seen).as("prediction cells of " + lesson).containsExactlyInAnyOrderElementsOf(answers.keySet());
            Files.createDirectories(DIR);
            Path out = DIR.resolve(lesson.getFileName());
            json.writeValue(out.toFile(), nb);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
