package capas.os;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a process in a running container can do to its own layer, as fast as it can: swap a
 * folder for a symlink to {@code target} and back, over and over, until closed. Reads that race
 * it must never reach {@code target}.
 */
public final class SymlinkSwapper implements AutoCloseable {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    private SymlinkSwapper(Path folder, Path target) {
        Path aside = folder.resolveSibling(folder.getFileName() + ".real");
        thread = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Files.move(folder, aside);
                    Files.createSymbolicLink(folder, target);
                    Files.delete(folder);
                    Files.move(aside, folder);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "symlink-swapper");
    }

    public static SymlinkSwapper start(Path folder, Path target) {
        SymlinkSwapper swapper = new SymlinkSwapper(folder, target);
        swapper.thread.start();
        return swapper;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join();
    }
}
