package capas.cli;

import capas.CapasException;
import capas.Messages;
import capas.bench.AulaBench;
import capas.bench.AulaResult;
import capas.bench.AulaTable;
import capas.bench.Bench;
import capas.bench.BenchOptions;
import capas.bench.BenchTable;
import capas.bench.Figure;
import capas.bench.Machine;
import capas.bench.Progress;
import capas.kernel.Kernelspec;
import capas.os.TempDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./lab bench [opciones]}: the lab's figures next to their alternatives, measured in one
 * run, as one table; with {@code --escribir FILE}, also as Markdown in that file. The kernel's cold
 * start is measured on every JDK under {@code /usr/lib/jvm} (or each {@code --java DIR});
 * {@code --solo-nucleo} measures only that.
 */
final class BenchCommand {
    private static final Messages M = Messages.of(BenchCommand.class);

    private BenchCommand() {
    }

    static int run(String[] args) {
        int containers = BenchOptions.CONTAINERS;
        int images = BenchOptions.IMAGES;
        int layers = BenchOptions.LAYERS;
        int runs = BenchOptions.KERNEL_RUNS;
        boolean kernel = true;
        boolean notebooks = true;
        boolean stores = true;
        boolean rootful = true;
        List<Path> javaHomes = new ArrayList<>();
        Path write = null;
        List<String> lessons = List.of();
        int aula = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--contenedores" -> containers = number(args, ++i);
                case "--imagenes", "--imágenes" -> images = number(args, ++i);
                case "--capas" -> layers = number(args, ++i);
                case "--repeticiones" -> runs = number(args, ++i);
                case "--sin-nucleo", "--sin-núcleo" -> kernel = false;
                case "--sin-cuadernos" -> notebooks = false;
                case "--cuadernos" -> lessons = List.of(value(args, ++i).split(","));
                case "--sin-rootful" -> rootful = false;
                case "--solo-nucleo", "--solo-núcleo" -> {
                    kernel = true;
                    stores = false;
                    notebooks = false;
                }
                case "--java" -> javaHomes.add(Path.of(value(args, ++i)));
                case "--escribir" -> write = Path.of(value(args, ++i));
                case "--aula" -> aula = number(args, ++i);
                default -> throw usage();
            }
        }
        if (containers < 1 || images < 1) {
            throw usage();
        }
        Machine machine = Machine.current();
        if (aula != 0) {
            measureAula(aula, machine, write == null ? Checkout.root().resolve("target/bench-aula.md") : write);
            return 0;
        }
        Console.step(M.get("bench.step", machine.text()));
        try (TempDir jupyter = TempDir.create("capas-bench-jupyter")) {
            Path jupyterPath = null;
            if (notebooks) {
                // This build's kernel, not whatever an earlier ./lab installed: the figures are of this checkout.
                Console.step(M.get("bench.kernelspec"));
                Kernelspec.install(jupyter.path().resolve("kernels"));
                jupyterPath = jupyter.path();
            }
            BenchOptions options = new BenchOptions(containers, images, layers, runs, kernel, stores, notebooks ? Checkout.notebooks() : null,
                    rootful, lessons, jupyterPath, List.copyOf(javaHomes));
            measure(options, machine, write);
        }
        return 0;
    }

    /** {@code --aula N}: the classroom's load, alone against N at once (only that). */
    private static void measureAula(int students, Machine machine, Path write) {
        AulaResult result = AulaBench.run(students, progress());
        Console.line("");
        Console.line(AulaBench.title(machine));
        Console.line(AulaTable.text(result));
        try {
            Path file = write.toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, AulaTable.markdown(result, machine));
            Console.done(AulaBench.written(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Progress progress() {
        return new Progress() {
            @Override
            public void step(String text) {
                Console.step(text);
            }

            @Override
            public void done(String text) {
                Console.done(text);
            }

            @Override
            public void warn(String text) {
                Console.warn(text);
            }
        };
    }

    private static void measure(BenchOptions options, Machine machine, Path write) {
        List<Figure> figures = new Bench(options, progress()).run();
        Console.line("");
        Console.line(M.get("bench.title", machine.text()));
        Console.line(BenchTable.text(figures));
        figures.stream().filter(f -> f.verdict() == Figure.Verdict.NOT_MEASURED)
                .forEach(f -> Console.warn(M.get("bench.unmeasured", f.name(), f.problem())));
        if (write != null) {
            try {
                Path file = write.toAbsolutePath();
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                String kept = Files.isRegularFile(file) ? BenchTable.handWritten(Files.readString(file)) : "";
                Files.writeString(file, BenchTable.document(figures, machine, options, kept));
                Console.done(M.get("bench.written", file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw usage();
        }
        return args[i];
    }

    private static int number(String[] args, int i) {
        try {
            return Integer.parseInt(value(args, i));
        } catch (NumberFormatException e) {
            throw usage();
        }
    }

    private static CapasException usage() {
        return new CapasException(CapasException.Kind.ENVIRONMENT, M.get("bench.usage"));
    }
}
