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
