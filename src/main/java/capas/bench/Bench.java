package capas.bench;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.context.Inspector;
import capas.context.ProbeInspector;
import capas.lab.Capas;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.podman.Podman;
import capas.store.Container;
import capas.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Measures every figure of {@code ./lab bench}, each next to its alternative in the same run:
 * builds the large store in each mode, measures in it, and removes it (also on failure and
 * Ctrl-C); then the kernel's cold start and the lessons.
 */
public final class Bench {
    private static final Messages M = Messages.of(Bench.class);
    /** Warm Capas calls: cheap, so many. */
    private static final int WARM = 300;
    /** podman calls: each 50–500 ms, so few. */
    private static final int PODMAN_RUNS = 7;
    /** Fresh JVMs for a first answer. */
    private static final int FRESH_RUNS = 5;

    private final BenchOptions options;
    private final Progress progress;
    private final List<Figure> figures = new ArrayList<>();

    public Bench(BenchOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Measures everything and returns the table's rows. */
    public List<Figure> run() {
        if (options.kernel()) {
            progress.step(M.get("step.kernel", options.kernelRuns()));
            figures.addAll(KernelBench.startup(options.kernelRuns(), jdks(), progress));
        }
        if (options.stores()) {
            inStoreOrSay(Mode.ROOTLESS);
            if (options.rootful()) {
                inStoreOrSay(Mode.ROOTFUL);
            }
        }
        if (options.notebooks() != null) {
            progress.step(M.get("step.notebooks", options.notebooks()));
            figures.addAll(KernelBench.notebooks(options.notebooks(), options.lessons(), options.jupyterPath(), progress));
        }
        return figures;
    }

    /** The JDKs asked for, or else every one on this machine (this JVM's among them). */
    private List<Jdks.Jdk> jdks() {
        Path running = Path.of(System.getProperty("java.home"));
        if (options.javaHomes().isEmpty()) {
            return Jdks.find(Jdks.SYSTEM, running);
        }
        List<Jdks.Jdk> chosen = new ArrayList<>();
        for (Path home : options.javaHomes()) {
            chosen.add(Jdks.read(home).orElseThrow(() -> new CapasException(CapasException.Kind.ENVIRONMENT, M.get("no.jdk", home, Jdks.OLDEST))));
        }
        return chosen;
    }

    /** The store's figures; a store that cannot be built (no sudo, no course image) is one row saying why. */
    private void inStoreOrSay(Mode mode) {
        try {
            inStore(mode);
        } catch (RuntimeException e) {
            String where = M.get("mode." + mode.name());
            progress.warn(M.get("store.failed", where, problem(e)));
            figures.add(Figure.failed(M.get("figure.store", where), null, Target.none(), problem(e)));
        }
    }

    private void inStore(Mode mode) {
        Podman podman = new Podman(mode, BenchStore.LESSON);
        String where = M.get("mode." + mode.name());
        progress.step(M.get("step.store", where, options.containers(), options.images()));
        BenchStore store = new BenchStore(podman, Env.image(), progress, where);
        // Ctrl-C or a kill: the JVM runs this before it ends, and the store is left as it was.
        Thread onExit = new Thread(store::remove, "capas-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            store.remove();   // what an earlier, killed run may have left
            store.fill(options.images(), options.containers());
            if (mode == Mode.ROOTLESS && options.layers() > 0) {
                store.layered(options.layers());
            }
            progress.step(M.get("step.measure", where));
            measure(mode, podman, where);
        } finally {
            progress.step(M.get("step.remove", where));
            store.remove();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs, and finds nothing left.
            }
        }
    }

    private void measure(Mode mode, Podman podman, String where) {
        String target = BenchStore.containerName(options.containers() / 2);
        if (options.containers() == 0) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("no.containers"));
        }
        figure(M.get("figure.first", where), M.get("alt.info", podman.typed()), Target.noSlower(),
                () -> firstAnswer(mode, target), () -> timed(1, FRESH_RUNS, podman, "info"));
        try (Capas lab = mode == Mode.ROOTFUL ? Capas.rootful() : Capas.rootless()) {
            figure(M.get("figure.lookup", where, options.containers(), options.images()), M.get("alt.inspect", podman.typed()),
                    Target.faster(100), () -> Timing.median(WARM / 6, WARM, () -> {
                        Store s = lab.store();
                        Container c = s.container(target);
                        return s.diffDir(c.layer());
                    }), () -> timed(1, PODMAN_RUNS, podman, "inspect", "--format", "{{.GraphDriver.Data.UpperDir}}", target));
            if (mode == Mode.ROOTLESS && options.layers() > 0) {
                String deep = BenchStore.layeredContainer();
                figure(M.get("figure.layers", where, options.layers()), M.get("alt.layers", podman.typed()), Target.faster(20),
                        () -> Timing.median(WARM / 6, WARM, () -> lab.layers().locate(deep, BenchStore.DEEP_FILE)),
                        () -> Timing.median(1, PODMAN_RUNS, () -> byHand(podman, deep, BenchStore.DEEP_FILE)));
            }
            figure(M.get("figure.sizes", where, options.containers()), M.get("alt.sizes", podman.typed()), Target.faster(10),
                    () -> Timing.median(1, 5, lab.tables()::sizes), () -> timed(1, 3, podman, "ps", "-a", "--size", "--format", "json"));
        }
        probe(mode, podman, where);
    }

    /** A probe question ({@code exists}) against the same question asked with one {@code stat} process. */
    private void probe(Mode mode, Podman podman, String where) {
        Path root = podman.graphRoot();
        String file = root.resolve("overlay-containers").resolve("containers.json").toString();
        ProbeInspector.Context context = mode == Mode.ROOTFUL ? ProbeInspector.Context.SUDO : ProbeInspector.Context.UNSHARE;
        List<String> stat = mode == Mode.ROOTFUL ? List.of("sudo", "-n", "stat", file) : List.of("podman", "unshare", "stat", file);
        try (Inspector probe = ProbeInspector.of(context, mode, root)) {
            figure(M.get("figure.probe." + context.name(), where), String.join(" ", stat.subList(0, stat.size() - 1)) + " …",
                    Target.faster(10), () -> Timing.median(WARM / 6, WARM, () -> probe.exists(file)),
                    () -> Timing.median(1, PODMAN_RUNS, () -> ok(Commands.run(stat))));
        }
    }

    /** What a person does without Capas: {@code podman diff} (is it in the upper dir?), then each LowerDir in turn. */
    private static Object byHand(Podman podman, String container, String file) {
        CommandResult diff = ok(podman.command("diff", container));
        if (diff.out().lines().anyMatch(l -> l.endsWith(" " + file))) {
            return diff;
        }
        String lower = ok(podman.command("inspect", "--format", "{{.GraphDriver.Data.LowerDir}}", container)).out().strip();
        for (String dir : lower.split(":")) {
            if (Files.exists(Path.of(dir, file))) {
                return dir;
            }
        }
        throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("deep.not.found", file, container));
    }

    /** The median of {@code runs} fresh JVMs asking their first question (see {@link FirstAnswer}). */
    private static Measure firstAnswer(Mode mode, String container) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), FirstAnswer.class.getName(), mode.name(), container);
        double[] ms = new double[FRESH_RUNS];
        for (int i = 0; i < FRESH_RUNS; i++) {
            CommandResult r = ok(Commands.run(argv));
            ms[i] = Double.parseDouble(r.out().strip().split("\\s+")[0]);
        }
        return Measure.millis(Timing.median(ms), FRESH_RUNS);
    }

    private static Measure timed(int warmups, int runs, Podman podman, String... args) {
        return Timing.median(warmups, runs, () -> ok(podman.command(args)));
    }

    private static CommandResult ok(CommandResult result) {
        if (!result.ok()) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, result.firstLine());
        }
        return result;
    }

    /** Measures one figure; a failure becomes a row that says why, not the end of the benchmark. */
    private void figure(String name, String alternativeName, Target target, Supplier<Measure> capas, Supplier<Measure> alternative) {
        Figure f;
        try {
            f = Figure.of(name, capas.get(), alternativeName, alternative.get(), target);
        } catch (RuntimeException e) {
            f = Figure.failed(name, alternativeName, target, problem(e));
            progress.warn(M.get("figure.failed", name, f.problem()));
        }
        figures.add(f);
        progress.done(f.name() + ": " + BenchTable.cells(f).get(1) + " · " + BenchTable.cells(f).get(3) + " · " + f.ratioText());
    }

    static String problem(RuntimeException e) {
        String text = e instanceof CapasException c ? c.getMessage() : e.toString();
        return text == null ? e.getClass().getSimpleName() : text.strip().lines().findFirst().orElse("");
    }
}
