package capas.bench;

import capas.CapasException;
import capas.Labels;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.TempDir;
import capas.podman.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The large store the benchmark measures in, made in one mode's real store and removed again:
 * images built offline from the course image, containers created (not started) from them, and
 * one image of many layers. Everything carries {@value Labels#LAB}=true (containers) or
 * {@value Labels#IMAGE}=bench (images) and {@value Labels#LESSON}=bench, and every image is
 * named under {@value #PREFIX}: {@link #remove()} removes only what has both.
 */
public final class BenchStore implements AutoCloseable {
    private static final Messages M = Messages.of(BenchStore.class);
    /** The lesson label of everything the benchmark makes. */
    public static final String LESSON = "bench";
    /** Every image the benchmark builds is named under this prefix. */
    public static final String PREFIX = Labels.LESSON_IMAGE_PREFIX + LESSON + "/";
    /** The container names' prefix. */
    public static final String CONTAINER_PREFIX = "capas-bench-";
    /** The file the layered image holds in its lowest added layer. */
    public static final String DEEP_FILE = "/capas-bench/f0";
    /** Two podman calls at a time: a 2-core machine shared with others. */
    private static final int PARALLEL = 2;

    private final Podman podman;
    private final String baseImage;
    private final Progress progress;
    private final String where;

    public BenchStore(Podman podman, String baseImage, Progress progress, String where) {
        this.podman = podman;
        this.baseImage = baseImage;
        this.progress = progress;
        this.where = where;
    }

    public Podman podman() {
        return podman;
    }

    /** The name of container {@code i}. */
    public static String containerName(int i) {
        return String.format("%sc%04d", CONTAINER_PREFIX, i);
    }

    /** The name of image {@code i}. */
    public static String imageName(int i) {
        return String.format("%simagen-%04d:latest", PREFIX, i);
    }

    /**
     * The course image under a name of the benchmark's own, for as long as it runs: what it
     * builds stays buildable if the course image is removed meanwhile (a reset), and removing
     * this name later only removes the name while the course image still has its own.
     */
    public static String baseName() {
        return PREFIX + "base:latest";
    }

    /** The image of {@code layers} layers (and the container made from it). */
    public static String layeredImage() {
        return PREFIX + "capas:latest";
    }

    public static String layeredContainer() {
        return CONTAINER_PREFIX + "capas";
    }

    /**
     * Builds {@code images} images (each the course image with labels of its own: an image of its
     * own in images.json, its layers shared) and creates {@code containers} containers spread
     * over them, two podman calls at a time, saying how far it has got.
     */
    public void fill(int images, int containers) {
        if (!podman.command("image", "exists", baseImage).ok()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("no.base", where, baseImage), M.get("no.base.hint"));
        }
        run(List.of("tag", baseImage, baseName()));
        try (TempDir temp = TempDir.create("capas-bench")) {
            Path context = temp.path();
            Files.writeString(context.resolve("Containerfile"), "FROM " + baseName() + "\n");
            parallel(images, "progress.images", i -> List.of("build", "-q", "--pull=never", "--network", "none",
                    "--label", Labels.IMAGE + "=" + LESSON, "--label", Labels.LESSON + "=" + LESSON,
                    "--label", "capas.bench.n=" + i, "-t", imageName(i), context.toString()));
            parallel(containers, "progress.containers", i -> create(containerName(i), imageName(i % Math.max(1, images))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds an image of {@code layers} layers on the course image, one {@code COPY} a layer,
     * with {@link #DEEP_FILE} in the lowest one, and creates a container from it.
     */
    public void layered(int layers) {
        try (TempDir temp = TempDir.create("capas-bench-capas")) {
            Path context = temp.path();
            StringBuilder recipe = new StringBuilder("FROM " + baseName() + "\n");
            for (int i = 0; i < layers; i++) {
                Files.writeString(context.resolve("f" + i), "capa " + i + "\n");
                recipe.append("COPY f").append(i).append(" /capas-bench/f").append(i).append('\n');
            }
            Files.writeString(context.resolve("Containerfile"), recipe.toString());
            progress.done(M.get("progress.layered", where, layers));
            run(List.of("build", "-q", "--pull=never", "--network", "none", "--label", Labels.IMAGE + "=" + LESSON,
                    "--label", Labels.LESSON + "=" + LESSON, "-t", layeredImage(), context.toString()));
            run(create(layeredContainer(), layeredImage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> create(String name, String image) {
        return List.of("create", "--name", name, "--label", Labels.LAB + "=true", "--label", Labels.LESSON + "=" + LESSON,
                "--network", "none", image);
    }

    private void parallel(int count, String key, IntFunction<List<String>> args) {
        if (count == 0) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        AtomicInteger finished = new AtomicInteger();
        int every = Math.max(1, count / 10);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                jobs.add(pool.submit(() -> {
                    run(args.apply(n));
                    int done = finished.incrementAndGet();
                    if (done % every == 0 || done == count) {
                        progress.done(M.get(key, where, done, count));
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("interrupted"));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one podman call; a failure is tried again twice: two builds at a time in a store
     * someone else also uses now and then meet a layer that has just gone ("layer not known").
     */
    private CommandResult run(List<String> args) {
        CommandResult result = podman.command(args.toArray(String[]::new));
        for (int attempt = 2; !result.ok() && attempt <= 3 && !args.get(0).equals("create"); attempt++) {
            result = podman.command(args.toArray(String[]::new));
        }
        if (!result.ok()) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("podman.failed", where, podman.typed() + " "
                    + String.join(" ", args), result.firstLine()));
        }
        return result;
    }

    /**
     * Removes what the benchmark made in this store, and only that: containers labelled
     * {@value Labels#LAB}=true and {@value Labels#LESSON}=bench, then images labelled
     * {@value Labels#IMAGE}=bench whose name starts with {@value #PREFIX}. Safe to call twice
     * (a failure, then Ctrl-C): the second call finds nothing.
     */
    public synchronized void remove() {
        CommandResult listed = podman.command("ps", "-a", "--filter", "label=" + Labels.LAB + "=true",
                "--filter", "label=" + Labels.LESSON + "=" + LESSON, "--format", "{{.ID}}");
        List<String> ids = listed.ok() ? listed.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
        for (int from = 0; from < ids.size(); from += 100) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-t", "0"));
            rm.addAll(ids.subList(from, Math.min(ids.size(), from + 100)));
            podman.command(rm.toArray(String[]::new));
        }
        List<String> names = benchImages();
        // Podman 5 refuses, in one rmi, an image whose child comes later in the same list (the deep
        // image's base), and exits 1 after removing the rest: a second pass finds only that one left.
        List<String> left = names;
        String why = "";
        for (int pass = 0; pass < 2 && !left.isEmpty(); pass++) {
            for (int from = 0; from < left.size(); from += 100) {
                List<String> rmi = new ArrayList<>(List.of("rmi"));
                rmi.addAll(left.subList(from, Math.min(left.size(), from + 100)));
                CommandResult r = podman.command(rmi.toArray(String[]::new));
                if (!r.ok()) {
                    why = r.err().isBlank() ? r.firstLine() : r.err().strip().lines().findFirst().orElse("");
                }
            }
            left = benchImages();
        }
        if (!left.isEmpty()) {
            progress.warn(M.get("remove.images.failed", where, why));
        }
        if (podman.command("image", "exists", baseName()).ok()) {
            // Only the name when the course image still has its own; the image too when it had been removed meanwhile.
            podman.command("rmi", baseName());
        }
        if (!ids.isEmpty() || !names.isEmpty()) {
            progress.done(M.get("removed", where, ids.size(), names.size()));
        }
    }

    private List<String> benchImages() {
        CommandResult images = podman.command("images", "--filter", "label=" + Labels.IMAGE + "=" + LESSON,
                "--format", "{{.Repository}}:{{.Tag}}");
        return images.ok() ? images.out().lines().map(String::strip).filter(n -> n.startsWith(PREFIX)).toList() : List.of();
    }

    @Override
    public void close() {
        remove();
    }
}
