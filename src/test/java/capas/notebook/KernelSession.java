package capas.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One real kernel driven over the Jupyter protocol by {@code kernel_session.py} (Debian's
 * jupyter_client), step by step: what a student's Jupyter sends, and everything the kernel
 * answered, each reply and output matched to its request by msg_id. See the script for the steps
 * it understands ({@code execute}, {@code run_all}…) and for how it interrupts.
 */
public final class KernelSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final Path SCRIPT = Path.of("src/test/resources/capas/kernel/kernel_session.py").toAbsolutePath();

    private KernelSession() {
    }

    /** Runs {@code steps} in a new kernel of this user; one result per step. */
    public static JsonNode run(List<Map<String, Object>> steps) {
        return run(List.of(), steps);
    }

    /**
     * Runs {@code steps} in a new kernel started through {@code prefix} (another user through
     * {@code sudo -u}, another {@code PATH} through {@code env}); one result per step.
     */
    public static JsonNode run(List<String> prefix, List<Map<String, Object>> steps) {
        NotebookRunner.installKernel();
        try {
            Path file = Files.createTempFile("capas-steps", ".json");
            // Another user's client must be able to read its script and steps, and may not enter
            // the lab user's home (0700 on Debian 13): both go to /tmp, readable by all.
            Path script = Files.createTempFile("capas-kernel-session", ".py");
            try {
                JSON.writeValue(file.toFile(), steps);
                Files.copy(SCRIPT, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
                List<String> command = new ArrayList<>(prefix);
                command.addAll(List.of("/usr/bin/python3", script.toString(), file.toString()));
                String out = NotebookRunner.run(command, "kernel session " + steps.size() + " steps");
                // The script prints its results last, on one line; the kernel it started may have written to stdout before.
                String[] lines = out.strip().split("\n");
                return JSON.readTree(lines[lines.length - 1]);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code cells of a notebook, in order, as "Run All" would send them. */
    /** The source of the code cell tagged {@code tag}: tests name a cell, not its position, which lessons change. */
    public static String codeCell(Path ipynb, String tag) {
        try {
            for (JsonNode cell : JSON.readTree(ipynb.toFile()).path("cells")) {
                for (JsonNode t : cell.path("metadata").path("tags")) {
                    if (t.asText().equals(tag) && cell.path("cell_type").asText().equals("code")) {
                        StringBuilder source = new StringBuilder();
                        cell.path("source").forEach(line -> source.append(line.asText()));
                        return source.toString();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no code cell tagged " + tag + " in " + ipynb);
    }

    public static List<String> codeCells(Path ipynb) {
        try {
            List<String> cells = new ArrayList<>();
            for (JsonNode cell : JSON.readTree(ipynb.toFile()).path("cells")) {
                if (cell.path("cell_type").asText().equals("code")) {
                    StringBuilder source = new StringBuilder();
                    cell.path("source").forEach(line -> source.append(line.asText()));
                    cells.add(source.toString());
                }
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a student saw of some outputs (one step's, or a Run All's): streams, results and
     * tracebacks as one text. Not an error's {@code ename}, which Jupyter does not show when
     * there is a traceback.
     */
    public static String shown(JsonNode outputs) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : outputs) {
            JsonNode content = output.path("content");
            text.append(content.path("text").asText());
            text.append(content.path("data").path("text/plain").asText());
            content.path("traceback").forEach(line -> text.append('\n').append(line.asText()));
        }
        return text.toString();
    }
}
