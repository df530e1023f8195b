package capas.cli;

import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.practica.PracticaAnswers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./lab exportar}: for instructors, the lessons executed and the prácticas solved with
 * their reference answers, as HTML with their outputs, to project or print.
 */
final class ExportarCommand {
    private static final Messages M = Messages.of(ExportarCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** nbconvert stops a cell after 600 s; a whole notebook gets an hour before it is killed. */
    private static final long NOTEBOOK_TIMEOUT_SECONDS = 3600;
    private static final String NOTEBOOK = ".ipynb";

    private ExportarCommand() {
    }

    static int run(String[] args) {
        Path out = Settings.exportDir();
        Path jupyter = JupyterServers.command();
        Console.step(M.get("exportar.step", out));
        Path work = null;
        try {
            Files.createDirectories(out);
            work = Files.createTempDirectory("capas-exportar");
            for (Path lesson : notebooks(Checkout.notebooks())) {
                Files.copy(lesson, work.resolve(lesson.getFileName()));
            }
            for (Path practica : notebooks(Checkout.labs())) {
                String name = practica.getFileName().toString().replace(NOTEBOOK, "") + "-soluciones";
                PracticaAnswers.write(PracticaAnswers.withAnswers(JSON.readTree(practica.toFile()), null, null), work, name);
            }
            boolean failed = false;
            for (Path notebook : notebooks(work)) {
                CommandResult run = Commands.run(List.of(jupyter.toString(), "nbconvert", "--to", "html", "--execute",
                        "--ExecutePreprocessor.timeout=600", "--output-dir", out.toString(), notebook.toString()),
                        Map.of(), NOTEBOOK_TIMEOUT_SECONDS);
                String name = notebook.getFileName().toString();
                if (run.ok()) {
                    Console.done(name.replace(NOTEBOOK, ".html"));
                } else {
                    failed = true;
                    Console.warn(M.get("exportar.failed", name, firstError(run.toString())));
                }
            }
            if (failed) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("exportar.some.failed"), "./lab doctor");
            }
            Console.line(M.get("exportar.open", out));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(work);
        }
    }

    /** The line that says what went wrong: nbconvert's output ends with a traceback whose error line is the useful one. */
    static String firstError(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.stream().filter(l -> l.contains("Error") || l.contains("error")).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }

    private static List<Path> notebooks(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(NOTEBOOK) && Files.isRegularFile(f)).sorted().toList();
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover in /tmp is harmless.
        }
    }
}
