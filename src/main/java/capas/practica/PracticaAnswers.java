package capas.practica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A práctica with its answer cells filled in: with the reference answers (the instructor's
 * solved copy, and CI's "every check passes" run), or with one typical wrong answer (CI's
 * "this check explains the mistake" run). Answers live in each answer cell's metadata:
 * {@code capas.solucion} and {@code capas.errores[].fuente}.
 */
public final class PracticaAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PracticaAnswers() {
    }

    /**
     * @param tag    the answer cell to fill with {@code source} instead of its reference, or {@code null}
     * @param source that cell's source
     */
    public static JsonNode withAnswers(JsonNode notebook, String tag, String source) {
        JsonNode copy = notebook.deepCopy();
        for (JsonNode cell : copy.path("cells")) {
            JsonNode capas = cell.path("metadata").path("capas");
            if (capas.has("solucion")) {
                String cellTag = cell.path("metadata").path("tags").path(0).asText();
                ((ObjectNode) cell).put("source", cellTag.equals(tag) ? source : capas.path("solucion").asText());
            }
        }
        return copy;
    }

    /** Writes {@code notebook} as {@code name.ipynb} in {@code dir}. */
    public static Path write(JsonNode notebook, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".ipynb");
        JSON.writeValue(file.toFile(), notebook);
        return file;
    }

    /** {@code java -jar capas.jar soluciones <out-dir> <práctica.ipynb>…}: writes the solved copies. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path lab = Path.of(args[i]);
            String name = lab.getFileName().toString().replace(".ipynb", "") + "-soluciones";
            System.out.println(write(withAnswers(JSON.readTree(lab.toFile()), null, null), out, name));
        }
    }
}
