package capas.bench;

import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Run All of a lesson inside a student's container, as {@code aula_lesson.py} reports it.
 *
 * @param firstMillis from the kernel's start request to the first code cell's reply
 * @param totalMillis from the same start to the last cell's reply
 * @param cells       code cells run
 * @param errors      the cells that raised, in order
 */
public record AulaLesson(double firstMillis, double totalMillis, int cells, List<CellError> errors) {
    private static final Messages M = Messages.of(AulaLesson.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A cell that raised.
     *
     * @param cell  its index among the notebook's code cells
     * @param tag   its first tag (the lesson's name for it), or empty
     * @param error    {@code ename: evalue}
     * @param expected whether the lesson means the cell to raise (tag {@code raises-exception}: podman refusing is the lesson)
     */
    public record CellError(int cell, String tag, String error, boolean expected) {
    }

    public AulaLesson {
        errors = List.copyOf(errors);
    }

    /**
     * The driver's answer: the last line of its output that is a JSON object (podman and the
     * kernel may print before it). A run that stopped, or printed nothing, is an error with why.
     */
    public static AulaLesson parse(String output) {
        String last = output == null ? "" : output.strip().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
        if (last.isEmpty()) {
            throw new IllegalStateException(M.get("aula.driver.silent", tail(output)));
        }
        JsonNode json;
        try {
            json = JSON.readTree(last);
        } catch (IOException e) {
            throw new IllegalStateException(M.get("aula.driver.silent", tail(output)), e);
        }
        if (json.hasNonNull("failure")) {
            throw new IllegalStateException(M.get("aula.driver.failed", json.path("failure").asText()));
        }
        if (!json.path("first").isNumber() || !json.path("total").isNumber()) {
            throw new IllegalStateException(M.get("aula.driver.silent", last));
        }
        List<CellError> errors = new ArrayList<>();
        json.path("errors").forEach(e -> errors.add(new CellError(e.path("cell").asInt(), e.path("tag").asText(""), e.path("error").asText(""),
                e.path("expected").asBoolean(false))));
        return new AulaLesson(json.path("first").asDouble() * 1000, json.path("total").asDouble() * 1000, json.path("cells").asInt(), errors);
    }

    /** The cells that raised and should not have. */
    public long unexpectedErrors() {
        return errors.stream().filter(e -> !e.expected()).count();
    }

    /** The cells that raised, as a person reads them: {@code rmi-refused (celda 38, la lección lo espera)}, or {@code ninguna}. */
    public String errorText() {
        if (errors.isEmpty()) {
            return M.get("aula.errors.none");
        }
        return String.join(", ", errors.stream().map(e -> M.get(e.expected() ? "aula.errors.expected" : "aula.errors.one", e.tag().isEmpty() ? "?" : e.tag(), e.cell())).toList());
    }

    private static String tail(String output) {
        if (output == null || output.isBlank()) {
            return M.get("aula.driver.nothing");
        }
        List<String> lines = output.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }
}
