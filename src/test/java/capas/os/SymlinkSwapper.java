package capas.os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a process in a running container can do to its own layer, as fast as it can: swap a
 * folder for a symlink to {@code target} and back, over and over, until closed. Reads that race
 * it must never reach {@code target}.
 *
 * <p>A race test proves nothing if the swapper never ran while it read: {@link #start} returns
 * once the first swap is done, {@link #swaps()} counts them so a test can check that swaps
 * happened inside its reading window, and {@link #close()} fails if the swapper itself failed
 * (a swapper that died at its first move would otherwise leave every read trivially safe).
 */
public final class SymlinkSwapper implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong swaps = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch firstSwap = new CountDownLatch(1);
    private final Thread thread;

    private SymlinkSwapper(Path folder, Path target) {
        Path aside = folder.resolveSibling(folder.getFileName() + ".real");
        thread = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.move(folder, aside);
                    Files.createSymbolicLink(folder, target);
                    swaps.incrementAndGet();
                    firstSwap.countDown();
                    Files.delete(folder);
                    Files.move(aside, folder);
                }
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                firstSwap.countDown();
            }
        }, "symlink-swapper");
    }

    public static SymlinkSwapper start(Path folder, Path target) throws InterruptedException {
        SymlinkSwapper swapper = new SymlinkSwapper(folder, target);
        swapper.thread.start();
        if (!swapper.firstSwap.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the swapper never swapped " + folder);
        }
        swapper.failIfFailed();
        return swapper;
    }

    /** One read that races the swapper: it checks what it got itself, or throws to refuse. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    /**
     * Runs {@code attempt} {@code rounds} times while {@code folder} is swapped for a symlink to
     * {@code target}, and fails unless the race really happened: swaps inside the window, at
     * least one attempt that met the swapped folder and was refused (one of {@code refusals}),
     * and at least one that completed. Any other failure, and what an attempt asserts about its
     * result (never the target's content), fails the test at once.
     */
    @SafeVarargs
    public static void race(Path folder, Path target, int rounds, Attempt attempt, Class<? extends Exception>... refusals)
            throws Exception {
        int completed = 0;
        int refused = 0;
        long swapped;
        try (SymlinkSwapper swapper = start(folder, target)) {
            long before = swapper.swaps();
            // On a loaded machine one side can win every one of the first rounds: go on (up to ten times as many)
            // until both outcomes have been seen, rather than fail a race that simply has not happened yet.
            for (int i = 0; i < rounds || (i < 10 * rounds && (completed == 0 || refused == 0)); i++) {
                try {
                    attempt.run();
                    completed++;
                } catch (Exception e) {
                    if (java.util.Arrays.stream(refusals).noneMatch(r -> r.isInstance(e))) {
                        throw e;
                    }
                    // Refusing (or missing the folder for a moment) is right.
                    refused++;
                }
            }
            swapped = swapper.swaps() - before;
        }
        org.assertj.core.api.Assertions.assertThat(swapped).as("swaps during the attempts (else nothing was raced)").isPositive();
        org.assertj.core.api.Assertions.assertThat(refused).as("attempts that met the swapped folder (else the swapper never won a race)")
                .isPositive();
        org.assertj.core.api.Assertions.assertThat(completed).as("attempts that found the real folder").isPositive();
    }

    /** How many times the folder has been a symlink so far. */
    public long swaps() {
        return swaps.get();
    }

    private void failIfFailed() {
        if (failure.get() != null) {
            throw new AssertionError("the swapper failed after " + swaps() + " swaps", failure.get());
        }
    }

    /** Stops swapping, with the real folder back in place; fails if the swapper failed on the way. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join();
        failIfFailed();
    }
}
