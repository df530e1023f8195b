package capas.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A notebook after execution, read with Jackson: find cells by tag or id and read what they
 * showed.
 */
public final class ExecutedNotebook {
    private final Path file;
    private final List<Cell> cells;

    private ExecutedNotebook(Path file, List<Cell> cells) {
        this.file = file;
        this.cells = cells;
    }

    public static ExecutedNotebook read(Path ipynb) {
        try {
            JsonNode root = new ObjectMapper().readTree(ipynb.toFile());
            List<Cell> cells = new ArrayList<>();
            for (JsonNode cell : root.path("cells")) {
                cells.add(new Cell(cell));
            }
            return new ExecutedNotebook(ipynb, cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public List<Cell> cells() {
        return cells;
    }

    /** The cell carrying {@code tagOrId} in its metadata "tags", or with that cell id. */
    public Cell cell(String tagOrId) {
        return cells.stream().filter(c -> c.tags().contains(tagOrId)).findFirst()
                .or(() -> cells.stream().filter(c -> tagOrId.equals(c.id())).findFirst())
                .orElseThrow(() -> new AssertionError("no cell tagged or named " + tagOrId + " in " + file));
    }

    /** Every error output of the notebook, in cell order. */
    public List<Error> errors() {
        return cells.stream().flatMap(c -> c.errors().stream()).toList();
    }

    /** An error output: what Jupyter shows is {@code traceback}. */
    public record Error(String cellId, String ename, String evalue, List<String> traceback) {
        public String text() {
            return String.join("\n", traceback);
        }
    }

    /** One executed cell. */
    public static final class Cell {
        private final JsonNode node;

        Cell(JsonNode node) {
            this.node = node;
        }

        public String id() {
            return node.path("id").asText(null);
        }

        public List<String> tags() {
            List<String> tags = new ArrayList<>();
            node.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
            return tags;
        }

        public String source() {
            return joined(node.path("source"));
        }

        /**
         * Podman 5's cgroups v1 deprecation warning (on every command where cgroups v1 runs) and
         * sudo's complaint about a host name it cannot resolve: the machine's, not the lesson's.
         */
        static final Pattern MACHINE_NOISE =
                Pattern.compile("level=warning msg=\"Using cgroups-v1 which is deprecated|^sudo: unable to resolve host ");

        public List<JsonNode> outputs() {
            List<JsonNode> outputs = new ArrayList<>();
            node.path("outputs").forEach(outputs::add);
            return outputs;
        }

        /**
         * Streams (stdout and stderr) and the text/plain of results and displays, in order; on
         * stderr, without what a machine adds to every command ({@link #MACHINE_NOISE}): assertions
         * must hold on each podman version the lab supports.
         */
        public String text() {
            StringBuilder text = new StringBuilder();
            for (JsonNode output : outputs()) {
                String type = output.path("output_type").asText();
                if (type.equals("stream") && output.path("name").asText().equals("stderr")) {
                    joined(output.path("text")).lines().filter(l -> !MACHINE_NOISE.matcher(l).find())
                            .forEach(l -> text.append(l).append('\n'));
                } else if (type.equals("stream")) {
                    text.append(joined(output.path("text")));
                } else if (output.path("data").has("text/plain")) {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                        text.append('\n');
                    }
                    text.append(joined(output.path("data").path("text/plain"))).append('\n');
                }
            }
            return text.toString();
        }

        /** Only what the cell wrote to {@code name} ("stdout" or "stderr"). */
        public String stream(String name) {
            return outputs().stream()
                    .filter(o -> o.path("output_type").asText().equals("stream") && o.path("name").asText().equals(name))
                    .map(o -> joined(o.path("text"))).collect(Collectors.joining());
        }

        public String html() {
            return data("text/html");
        }

        public String svg() {
            return data("image/svg+xml");
        }

        /** Every output's {@code mime} content, joined; empty when there is none. */
        public String data(String mime) {
            return outputs().stream().filter(o -> o.path("data").has(mime))
                    .map(o -> joined(o.path("data").path(mime))).collect(Collectors.joining("\n"));
        }

        public boolean hasError() {
            return !errors().isEmpty();
        }

        public List<Error> errors() {
            List<Error> errors = new ArrayList<>();
            for (JsonNode output : outputs()) {
                if (output.path("output_type").asText().equals("error")) {
                    List<String> traceback = new ArrayList<>();
                    output.path("traceback").forEach(t -> traceback.add(t.asText()));
                    errors.add(new Error(id(), output.path("ename").asText(), output.path("evalue").asText(), traceback));
                }
            }
            return errors;
        }

        /** nbformat stores text either as one string or as a list of lines. */
        private static String joined(JsonNode text) {
            if (text.isArray()) {
                StringBuilder joined = new StringBuilder();
                text.forEach(t -> joined.append(t.asText()));
                return joined.toString();
            }
            return text.asText("");
        }
    }
}
