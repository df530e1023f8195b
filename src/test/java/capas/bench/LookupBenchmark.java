package capas.bench;

import capas.Env;
import capas.Mode;
import capas.context.Inspector;
import capas.context.LocalInspector;
import capas.context.ProbeInspector;
import capas.lab.Capas;
import capas.podman.Podman;
import capas.store.OverlayLayout;
import capas.store.Store;
import capas.store.StoreSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * How long "which layer serves /tmp/tmpfile.txt?" takes, warm, in each context, next to the
 * obvious alternative measured in the same run: {@code podman inspect} of the container; and
 * what one facade call costs ({@code store()}, {@code locate}, {@code diagram}) next to reading
 * the whole store from disk, which is what every facade call used to do.
 * A benchmark, not a test: run it as the lab user after {@code mvn package}:
 *
 * <pre>java -cp target/classes:target/test-classes:target/lib/* capas.bench.LookupBenchmark</pre>
 */
public final class LookupBenchmark {
    private static final String NAME = "capas-bench";
    private static final String FILE = "/tmp/tmpfile.txt";
    private static final int LOOKUPS = 300;
    private static final int INSPECTS = 15;

    private LookupBenchmark() {
    }

    public static void main(String[] args) {
        Podman rootless = new Podman(Mode.ROOTLESS);
        Podman rootful = new Podman(Mode.ROOTFUL);
        for (Podman podman : new Podman[] {rootless, rootful}) {
            podman.run(NAME, Env.image());
            podman.exec(NAME, "sh", "-c", "echo 'Ejemplo Podman' > " + FILE);
        }
        Path rootlessRoot = Store.defaultGraphRoot(Mode.ROOTLESS);
        try (Inspector local = new LocalInspector(Mode.ROOTLESS, rootlessRoot);
                Inspector unshare = new ProbeInspector(ProbeInspector.Context.UNSHARE, Mode.ROOTLESS, rootlessRoot);
                Inspector sudo = new ProbeInspector(ProbeInspector.Context.SUDO, Mode.ROOTFUL, Store.defaultGraphRoot(Mode.ROOTFUL));
                Capas labRootless = Capas.rootless();
                Capas labRootful = Capas.rootful()) {
            double inProcess = median(LOOKUPS, () -> local.locate(NAME, FILE));
            double viaUnshare = median(LOOKUPS, () -> unshare.locate(NAME, FILE));
            double viaSudo = median(LOOKUPS, () -> sudo.locate(NAME, FILE));
            double inspectRootless = median(INSPECTS, () -> rootless.inspect(NAME));
            double inspectRootful = median(INSPECTS, () -> rootful.inspect(NAME));
            System.out.printf("locate %s, warm, median of %d%n", FILE, LOOKUPS);
            System.out.printf("  in-process (rootless store)     %8.3f ms%n", inProcess);
            System.out.printf("  via podman unshare probe        %8.3f ms%n", viaUnshare);
            System.out.printf("  via sudo probe (rootful store)  %8.3f ms%n", viaSudo);
            System.out.printf("podman inspect %s, median of %d%n", NAME, INSPECTS);
            System.out.printf("  podman inspect (rootless)       %8.3f ms   %6.0fx the in-process lookup, %5.0fx the unshare probe%n",
                    inspectRootless, inspectRootless / inProcess, inspectRootless / viaUnshare);
            System.out.printf("  sudo podman inspect (rootful)   %8.3f ms   %6.0fx the sudo probe%n", inspectRootful, inspectRootful / viaSudo);

            // What every facade call used to do: the three index files and every layer's link file, read again.
            double fullRead = median(LOOKUPS, () -> {
                Store s = Store.read(Mode.ROOTLESS, rootlessRoot);
                return s.links().entrySet().size();
            });
            System.out.printf("facade calls, warm, store unchanged, median of %d%n", LOOKUPS);
            System.out.printf("  whole rootless store from disk (index + links)  %8.3f ms%n", fullRead);
            for (Capas lab : new Capas[] {labRootless, labRootful}) {
                String mode = lab.mode().name().toLowerCase();
                double store = median(LOOKUPS, lab::store);
                double locate = median(LOOKUPS, () -> lab.locate(NAME, FILE));
                double diagram = median(LOOKUPS, () -> lab.diagram(NAME, FILE));
                System.out.printf("  %-8s lab.store()                          %8.3f ms   %6.1fx faster than the whole store%n", mode, store, fullRead / store);
                System.out.printf("  %-8s lab.locate(%s, %s)   %8.3f ms%n", mode, NAME, FILE, locate);
                System.out.printf("  %-8s lab.diagram(%s, %s)  %8.3f ms%n", mode, NAME, FILE, diagram);
            }
        } finally {
            rootless.removeIfLab(NAME);
            rootful.removeIfLab(NAME);
        }
        largeStore();
    }

    /**
     * The lab's stores are small; a student's may not be. A made-up store of 600 layers,
     * 150 images and 100 containers: a whole re-read grows with it, an unchanged check does not.
     */
    private static void largeStore() {
        try {
            Path root = Files.createTempDirectory("capas-bench-store");
            OverlayLayout layout = new OverlayLayout(root);
            StringBuilder layers = new StringBuilder("[");
            StringBuilder images = new StringBuilder("[");
            StringBuilder containers = new StringBuilder("[");
            for (int i = 0; i < 600; i++) {
                String id = String.format("%064x", i + 1);
                String parent = i % 4 == 0 ? "" : ",\"parent\":\"" + String.format("%064x", i) + "\"";
                layers.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\"").append(parent)
                        .append(",\"created\":\"2026-01-01T00:00:00Z\",\"diff-size\":1234}");
                Files.createDirectories(layout.diffDir(id));
                Files.writeString(layout.linkFile(id), String.format("%026d", i));
                if (i % 4 == 3) {
                    images.append(images.length() == 1 ? "" : ",").append("{\"id\":\"").append(String.format("%064x", 10_000 + i))
                            .append("\",\"names\":[\"localhost/img").append(i).append(":latest\"],\"layer\":\"").append(id).append("\"}");
                }
                if (i % 6 == 5) {
                    containers.append(containers.length() == 1 ? "" : ",").append("{\"id\":\"").append(String.format("%064x", 20_000 + i))
                            .append("\",\"names\":[\"c").append(i).append("\"],\"layer\":\"").append(id).append("\"}");
                }
            }
            Files.createDirectories(layout.layersDir());
            Files.createDirectories(layout.imagesDir());
            Files.createDirectories(layout.containersDir());
            Files.writeString(layout.layersJson(), layers.append("]"));
            Files.writeString(layout.imagesJson(), images.append("]"));
            Files.writeString(layout.containersJson(), containers.append("]"));
            StoreSnapshots snapshots = new StoreSnapshots(Mode.ROOTLESS, root);
            double full = median(LOOKUPS, () -> Store.read(Mode.ROOTLESS, root).links().entrySet().size());
            double unchanged = median(LOOKUPS, snapshots::current);
            System.out.printf("made-up store: 600 layers, 150 images, 100 containers; median of %d%n", LOOKUPS);
            System.out.printf("  whole store from disk (index + links)   %8.3f ms%n", full);
            System.out.printf("  StoreSnapshots.current(), unchanged     %8.3f ms   %6.1fx faster%n", unchanged, full / unchanged);
            try (var tree = Files.walk(root)) {
                tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Median wall time in milliseconds of {@code runs} calls, after as many warm-up calls. */
    private static double median(int runs, Supplier<?> call) {
        for (int i = 0; i < runs; i++) {
            call.get();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }
}
