package capas.bench;

import capas.Env;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kernel's figures, measured through Jupyter's own client ({@code kernel_bench.py} under
 * Debian's Python, which has jupyter_client and nbclient): cold start to the first result next
 * to ipykernel and {@code jshell}; each lesson run through the kernel next to its shell cells
 * run alone in bash; the kernel's memory after a lesson.
 */
final class KernelBench {
    private static final Messages M = Messages.of(KernelBench.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's Python: the one with Jupyter (the PATH's python3 may be another). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static final String HELPER = "kernel_bench.py";
    private static final long NOTEBOOK_SECONDS = 3600;
    /** The kernel's memory after a lesson, in MB. */
    private static final double RSS_LIMIT_MB = 300;

    private KernelBench() {
    }

    /** Cold start to the first result: Capas against ipykernel (the target) and against jshell (for comparison). */
    static List<Figure> startup(int runs, Path jupyterPath, Progress progress) {
        String name = M.get("figure.startup", runs);
        String ipykernel = M.get("alt.ipykernel");
        String jshell = M.get("alt.jshell");
        List<Figure> figures = new ArrayList<>();
        try {
            JsonNode result = helper(List.of("arranque", "--runs", String.valueOf(runs)), jupyterPath, 600 + 60L * runs);
            Measure capas = seconds(result.path("capas"));
            figures.add(row(name, capas, ipykernel, result.path("python3"), Target.fraction(0.7)));
            figures.add(row(name, capas, jshell, result.path("jshell"), Target.none()));
        } catch (RuntimeException e) {
            progress.warn(M.get("failed", name, Bench.problem(e)));
            figures.add(Figure.failed(name, ipykernel, Target.fraction(0.7), Bench.problem(e)));
        }
        figures.forEach(f -> progress.done(f.alternativeName() + ": " + BenchTable.cells(f).get(1) + " · " + BenchTable.cells(f).get(3)));
        return figures;
    }

    private static Figure row(String name, Measure capas, String alternativeName, JsonNode alternative, Target target) {
        if (alternative.isNull() || alternative.isMissingNode()) {
            return Figure.failed(name, alternativeName, target, M.get("not.installed"));
        }
        if (alternative.has("error")) {
            return Figure.failed(name, alternativeName, target, alternative.path("error").asText());
        }
        return Figure.of(name, capas, alternativeName, seconds(alternative), target);
    }

    /** The median, in milliseconds, of a JSON list of seconds. */
    private static Measure seconds(JsonNode list) {
        if (!list.isArray()) {
            throw new IllegalStateException(list.path("error").asText(list.toString()));
        }
        double[] ms = new double[list.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = list.get(i).asDouble() * 1000;
        }
        return Measure.millis(Timing.median(ms), ms.length);
    }

    /**
     * Each lesson ({@code NN-*.ipynb} in {@code dir}) run through the kernel (kernel start left
     * out: that is the start-up figure) next to its {@code %%bash}/{@code %%sh} cells run alone
     * with bash, in the same order, from the same folder; and the kernel's RSS after it.
     */
    static List<Figure> notebooks(Path dir, List<String> only, Path jupyterPath, Progress progress) {
        List<Figure> times = new ArrayList<>();
        List<Figure> memory = new ArrayList<>();
        for (Path notebook : lessons(dir, only)) {
            String lesson = notebook.getFileName().toString().replace(".ipynb", "");
            String name = M.get("figure.notebook", lesson);
            String rssName = M.get("figure.rss", lesson);
            try {
                JsonNode run = helper(List.of("cuaderno", notebook.toString()), jupyterPath, NOTEBOOK_SECONDS);
                if (!run.path("error").isNull()) {
                    // A lesson stopped half-way is no figure: neither its time nor its memory is the lesson's.
                    String why = M.get("notebook.error", lesson, run.path("error").asText().strip());
                    progress.warn(why);
                    times.add(Figure.failed(name, M.get("alt.bash"), Target.overhead(0.2), why));
                    memory.add(Figure.failed(rssName, null, Target.atMost(RSS_LIMIT_MB), why));
                    continue;
                }
                Measure kernel = Measure.millis(run.path("seconds").asDouble() * 1000, 1);
                Measure bash = shellCells(notebook);
                times.add(Figure.of(name, kernel, M.get("alt.bash"), bash, Target.overhead(0.2)));
                memory.add(run.path("rss_kb").isNumber()
                        ? Figure.of(rssName, Measure.megabytes(run.path("rss_kb").asDouble() / 1024), null, null, Target.atMost(RSS_LIMIT_MB))
                        : Figure.failed(rssName, null, Target.atMost(RSS_LIMIT_MB), M.get("no.pid")));
                progress.done(M.get("notebook.done", lesson, kernel.text(), Measure.millis(run.path("shell_seconds").asDouble() * 1000, 1).text(),
                        Measure.millis(run.path("java_seconds").asDouble() * 1000, 1).text(), bash.text()));
            } catch (RuntimeException e) {
                progress.warn(M.get("failed", name, Bench.problem(e)));
                times.add(Figure.failed(name, M.get("alt.bash"), Target.overhead(0.2), Bench.problem(e)));
            }
        }
        times.addAll(memory);
        return times;
    }

    private static List<Path> lessons(Path dir, List<String> only) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.ipynb"))
                    .filter(f -> only.isEmpty() || only.stream().anyMatch(n -> f.getFileName().toString().startsWith(n + "-")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notebook's shell cells, run one after another with bash from the notebook's folder, as the kernel runs them. */
    static Measure shellCells(Path notebook) {
        List<String> cells = shellCellSources(notebook);
        String cd = "cd '" + notebook.toAbsolutePath().getParent().toString().replace("'", "'\\''") + "' || exit 1\n";
        long start = System.nanoTime();
        for (String body : cells) {
            Commands.run(List.of("bash", "-c", cd + body), Map.of(Env.IMAGE, Env.image()), 600);
        }
        return Measure.millis((System.nanoTime() - start) / 1e6, 1);
    }

    /** The bodies of the {@code %%bash} and {@code %%sh} cells of a notebook, in order. */
    static List<String> shellCellSources(Path notebook) {
        try {
            List<String> bodies = new ArrayList<>();
            for (JsonNode cell : JSON.readTree(notebook.toFile()).path("cells")) {
                if (!"code".equals(cell.path("cell_type").asText())) {
                    continue;
                }
                StringBuilder source = new StringBuilder();
                JsonNode lines = cell.path("source");
                if (lines.isArray()) {
                    lines.forEach(l -> source.append(l.asText()));
                } else {
                    source.append(lines.asText());
                }
                String text = source.toString().stripLeading();
                if (text.startsWith("%%bash") || text.startsWith("%%sh")) {
                    int eol = text.indexOf('\n');
                    bodies.add(eol < 0 ? "" : text.substring(eol + 1));
                }
            }
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode helper(List<String> args, Path jupyterPath, long timeoutSeconds) {
        try (TempDir temp = TempDir.create("capas-bench-py"); InputStream script = KernelBench.class.getResourceAsStream(HELPER)) {
            Path file = temp.path().resolve(HELPER);
            Files.copy(script, file);
            List<String> argv = new ArrayList<>(List.of(PYTHON, file.toString()));
            argv.addAll(args);
            Map<String, String> env = new java.util.HashMap<>(Map.of("PYDEVD_DISABLE_FILE_VALIDATION", "1"));
            if (jupyterPath != null) {
                String old = Env.get("JUPYTER_PATH", "");
                env.put("JUPYTER_PATH", jupyterPath + (old.isEmpty() ? "" : java.io.File.pathSeparator + old));
            }
            CommandResult result = Commands.run(argv, env, timeoutSeconds);
            String last = result.out().strip().lines().reduce((a, b) -> b).orElse("");
            if (!result.ok() || !last.startsWith("{")) {
                String err = result.err().strip().lines().reduce((a, b) -> b).orElse(result.firstLine());
                throw new IllegalStateException(M.get("helper.failed", result.exitCode(), err));
            }
            return JSON.readTree(last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
