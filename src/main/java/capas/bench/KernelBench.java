package capas.bench;

import capas.Env;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** The helper's key suffix for a kernel's CPU seconds. */
    private static final String CPU = "/cpu";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    /** Installing makes the AppCDS archive: a warm-up session of the kernel. */
    private static final long INSTALL_SECONDS = 600;
    private static final long NOTEBOOK_SECONDS = 3600;
    /** The kernel's memory after a lesson, in MB. */
    private static final double RSS_LIMIT_MB = 300;

    private KernelBench() {
    }

    /**
     * Cold start to the first result on each JDK, every start through its own kernelspec (made
     * by that JDK, so with that JDK's AppCDS archive), against ipykernel (the target) in the same
     * rounds; on each JDK also without the archive, to show what it is worth there; and the
     * kernel on this JVM's JDK against the {@code jshell} command (for comparison).
     */
    static List<Figure> startup(int runs, List<Jdks.Jdk> jdks, Progress progress) {
        String ipykernel = M.get("alt.ipykernel");
        List<Figure> figures = new ArrayList<>();
        try (TempDir temp = TempDir.create("capas-bench-kernels")) {
            Path kernels = temp.path().resolve("todos").resolve("kernels");
            Map<Jdks.Jdk, String> names = new LinkedHashMap<>();
            Map<Jdks.Jdk, String> withoutCds = new LinkedHashMap<>();
            for (Jdks.Jdk jdk : jdks) {
                String name = "capas-java" + jdk.feature() + (names.containsValue("capas-java" + jdk.feature()) ? "-" + names.size() : "");
                try {
                    long began = System.nanoTime();
                    ObjectNode spec = kernelspec(jdk, temp.path().resolve(name));
                    writeSpec(kernels.resolve(name), spec);
                    names.put(jdk, name);
                    ObjectNode bare = withoutArchive(spec);
                    if (bare != null) {
                        writeSpec(kernels.resolve(name + "-sin-cds"), bare);
                        withoutCds.put(jdk, name + "-sin-cds");
                    } else {
                        progress.warn(M.get("no.cds", jdk.version()));
                    }
                    progress.done(M.get("kernelspec.done", jdk.version(), Measure.millis((System.nanoTime() - began) / 1e6, 1).text()));
                } catch (RuntimeException e) {
                    progress.warn(M.get("failed", M.get("figure.startup.jdk", jdk.version()), Bench.problem(e)));
                    figures.add(Figure.failed(M.get("figure.startup.jdk", jdk.version()), ipykernel, Target.fraction(0.7), Bench.problem(e)));
                }
            }
            if (names.isEmpty()) {
                return figures;
            }
            List<String> args = new ArrayList<>(List.of("arranque", "--runs", String.valueOf(runs)));
            names.values().forEach(n -> args.addAll(List.of("--kernel", n)));
            withoutCds.values().forEach(n -> args.addAll(List.of("--kernel", n)));
            Path running = Path.of(System.getProperty("java.home")).toAbsolutePath();
            Jdks.Jdk own = names.keySet().stream().filter(j -> samePath(j.home(), running)).findFirst().orElse(null);
            if (own != null && Files.isExecutable(own.home().resolve("bin").resolve("jshell"))) {
                args.addAll(List.of("--jshell", own.home().resolve("bin").resolve("jshell").toString()));
            }
            int starts = (names.size() + withoutCds.size() + 2) * (runs + 1);
            try {
                JsonNode result = helper(args, kernels.getParent(), 300 + 60L * starts);
                for (Map.Entry<Jdks.Jdk, String> e : names.entrySet()) {
                    Jdks.Jdk jdk = e.getKey();
                    String name = M.get("figure.startup.jdk", jdk.version());
                    try {
                        Measure capas = seconds(result.path(e.getValue()));
                        figures.add(row(name, capas, ipykernel, result.path("python3"), Target.fraction(0.7)));
                        if (result.path(e.getValue() + CPU).isArray()) {
                            figures.add(row(M.get("figure.startup.cpu", jdk.version()), seconds(result.path(e.getValue() + CPU)),
                                    M.get("alt.ipykernel.cpu"), result.path("python3" + CPU), Target.none()));
                        }
                        if (withoutCds.containsKey(jdk)) {
                            figures.add(row(M.get("figure.startup.nocds", jdk.version()), seconds(result.path(withoutCds.get(jdk))), ipykernel,
                                    result.path("python3"), Target.none()));
                        }
                        if (jdk.equals(own) && args.contains("--jshell")) {
                            figures.add(row(name, capas, M.get("alt.jshell"), result.path("jshell"), Target.none()));
                        }
                    } catch (RuntimeException ex) {
                        progress.warn(M.get("failed", name, Bench.problem(ex)));
                        figures.add(Figure.failed(name, ipykernel, Target.fraction(0.7), Bench.problem(ex)));
                    }
                }
            } catch (RuntimeException e) {
                String name = M.get("figure.startup");
                progress.warn(M.get("failed", name, Bench.problem(e)));
                figures.add(Figure.failed(name, ipykernel, Target.fraction(0.7), Bench.problem(e)));
            }
        }
        figures.forEach(f -> progress.done(f.name() + " · " + f.alternativeName() + ": " + BenchTable.cells(f).get(1) + " · "
                + BenchTable.cells(f).get(3) + " · " + f.ratioText()));
        return figures;
    }

    /** The same kernelspec without its AppCDS archive (the JVM's own CDS stays), or {@code null} if it has none. */
    static ObjectNode withoutArchive(ObjectNode spec) {
        ObjectNode bare = spec.deepCopy();
        ArrayNode argv = (ArrayNode) bare.path("argv");
        boolean had = false;
        for (int i = argv.size() - 1; i >= 0; i--) {
            if (argv.get(i).asText().startsWith(ARCHIVE_OPTION)) {
                argv.remove(i);
                had = true;
            }
        }
        return had ? bare : null;
    }

    /** The kernelspec {@code jdk} itself installs from this build's jar (its AppCDS archive made by that JDK): its kernel.json. */
    private static ObjectNode kernelspec(Jdks.Jdk jdk, Path dir) {
        Path jar = runningJar();
        CommandResult installed = Commands.run(List.of(jdk.java().toString(), "-jar", jar.toString(), "kernelspec", dir.toString()), Map.of(),
                INSTALL_SECONDS);
        Path json = dir.resolve("capas").resolve("kernel.json");
        if (!installed.ok() || !Files.isRegularFile(json)) {
            String err = installed.err().strip().lines().reduce((a, b) -> b).orElse(installed.firstLine());
            throw new IllegalStateException(M.get("kernelspec.failed", installed.exitCode(), err));
        }
        try {
            return (ObjectNode) JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSpec(Path dir, ObjectNode spec) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("kernel.json").toFile(), spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(KernelBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException(M.get("no.jar", location));
            }
            return location;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return false;
        }
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
