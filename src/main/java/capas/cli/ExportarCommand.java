package capas.cli;

import capas.Env;
import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.TempDir;
import capas.practica.PracticaAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./lab exportar}: for instructors, the lessons executed and the prácticas solved with
 * their reference answers, as HTML with their outputs, to project or print.
 *
 * <p>{@code ./lab exportar --alumno}: the handout to give a class, lessons and prácticas as the
 * student meets them: no outputs, no reference or wrong answers in the cells' metadata, and no
 * call to or mention of {@code p.solucion}; as notebooks to open and as HTML to print. Nothing is
 * executed, so it takes seconds and needs no Podman.
 */
final class ExportarCommand {
    private static final Messages M = Messages.of(ExportarCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** nbconvert stops a cell after 600 s; a whole notebook gets an hour before it is killed. */
    private static final long NOTEBOOK_TIMEOUT_SECONDS = 3600;
    private static final String NOTEBOOK = ".ipynb";
    /** How nbclient frames the failed cell's source in its error. */
    private static final String SEPARATOR = "------------------";
    /** A Python exception line: {@code nbclient.exceptions.DeadKernelError: …}. */
    private static final java.util.regex.Pattern EXCEPTION = java.util.regex.Pattern.compile("[\\w.]*(Error|Exception)\\b");

    static final String STUDENT = "--alumno";
    /** The handout's folder inside the export folder: apart from the solved copies beside it. */
    static final String HANDOUT_DIR = "alumno";
    /** A práctica's reference answer and its typical wrong ones, in an answer cell's metadata. */
    private static final String ANSWERS = "capas";
    /** {@code p.solucion(N)}, called or named. */
    private static final Pattern SOLUTION_CALL = Pattern.compile("\\bsolucion\\s*\\(");
    /** "…; `p.solucion(N)`, la solución." in a práctica's introduction. */
    private static final Pattern SOLUTION_CLAUSE = Pattern.compile(";\\s*`p\\.solucion\\([^)]*\\)`,?\\s*la solución");

    private ExportarCommand() {
    }

    /** Writes the handout in {@code out}: each notebook cleaned, then the same as HTML (not executed). */
    static int handout(Path out) {
        Path jupyter = JupyterServers.command();
        Console.step(M.get("exportar.alumno.step", out));
        try {
            Files.createDirectories(out);
            List<Path> written = new java.util.ArrayList<>();
            for (Path source : Stream.concat(notebooks(Checkout.notebooks()).stream(), notebooks(Checkout.labs()).stream()).toList()) {
                Path copy = out.resolve(source.getFileName());
                JSON.writerWithDefaultPrettyPrinter().writeValue(copy.toFile(), handout(JSON.readTree(source.toFile())));
                written.add(copy);
            }
            boolean failed = false;
            for (Path notebook : written) {
                CommandResult run = Commands.run(List.of(jupyter.toString(), "nbconvert", "--to", "html", "--output-dir", out.toString(),
                        notebook.toString()), Map.of(), NOTEBOOK_TIMEOUT_SECONDS);
                String name = notebook.getFileName().toString();
                if (run.ok()) {
                    Console.done(name + ", " + name.replace(NOTEBOOK, ".html"));
                } else {
                    failed = true;
                    Console.warn(M.get("exportar.failed", name, firstError(run.toString())));
                }
            }
            if (failed) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("exportar.some.failed"), "./lab doctor");
            }
            Console.line(M.get("exportar.alumno.open", out));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A notebook as a student receives it: no outputs or execution counts, no answers in the
     * cells' metadata, no line that calls {@code solucion}, and the sentences that offer
     * {@code p.solucion(N)} without it. Hints stay, commented out as in the course.
     */
    static JsonNode handout(JsonNode notebook) {
        JsonNode copy = notebook.deepCopy();
        for (JsonNode node : copy.path("cells")) {
            ObjectNode cell = (ObjectNode) node;
            if (cell.path("metadata") instanceof ObjectNode metadata) {
                metadata.remove(ANSWERS);
            }
            if (cell.path("cell_type").asText().equals("code")) {
                cell.putArray("outputs");
                cell.putNull("execution_count");
            }
            String cleaned = withoutSolutions(text(node.path("source")));
            ArrayNode lines = cell.putArray("source");
            cleaned.lines().forEach(l -> lines.add(l + "\n"));
            if (!lines.isEmpty() && !cleaned.endsWith("\n")) {
                String last = lines.get(lines.size() - 1).asText();
                lines.set(lines.size() - 1, TextNode.valueOf(last.substring(0, last.length() - 1)));
            }
        }
        return copy;
    }

    private static String withoutSolutions(String source) {
        String text = SOLUTION_CLAUSE.matcher(source).replaceAll("");
        return text.lines().filter(l -> !SOLUTION_CALL.matcher(l).find()).collect(java.util.stream.Collectors.joining("\n"))
                + (text.endsWith("\n") ? "\n" : "");
    }

    private static String text(JsonNode source) {
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    static int run(String[] args) {
        if (args.length == 1 && args[0].equals(STUDENT)) {
            return handout(Env.exportDir().resolve(HANDOUT_DIR));
        }
        if (args.length > 0) {
            System.err.println(M.get("exportar.usage"));
            return 2;
        }
        Path out = Env.exportDir();
        Path jupyter = JupyterServers.command();
        Console.step(M.get("exportar.step", out));
        try (TempDir temp = TempDir.create("capas-exportar")) {
            Path work = temp.path();
            Files.createDirectories(out);
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
                        // The solved prácticas must not enter the record of whoever exports them.
                        Map.of(Env.PROGRESS, work.resolve("progreso.jsonl").toString()), NOTEBOOK_TIMEOUT_SECONDS);
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
        }
    }

    /**
     * What went wrong, in one line. nbconvert ends with a Python traceback whose own lines say
     * little ("_check_raise_for_error"); when a cell failed, its source and the kernel's error sit
     * between two {@value #SEPARATOR} lines and after them: those are what an instructor needs.
     */
    static String firstError(String output) {
        List<String> lines = output.strip().lines().toList();
        int first = lines.indexOf(SEPARATOR);
        int second = first < 0 ? -1 : lines.subList(first + 1, lines.size()).indexOf(SEPARATOR) + first + 1;
        if (first >= 0 && second > first) {
            String cell = lines.subList(first + 1, second).stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
            List<String> error = lines.subList(second + 1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
            String said = error.stream().filter(l -> l.contains("Error") || l.contains("error")).reduce((a, b) -> b)
                    .orElse(error.isEmpty() ? "" : error.get(0)).strip();
            return M.get("exportar.cell", cell, said);
        }
        return lines.stream().filter(l -> EXCEPTION.matcher(l).lookingAt()).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    }

    private static List<Path> notebooks(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(NOTEBOOK) && Files.isRegularFile(f)).sorted().toList();
        }
    }
}
