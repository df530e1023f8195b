package capas.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What snippet code calls on every loop back-edge and method entry ({@link SnippetPolls} puts
 * the calls there) so that Stop ends a cell that never blocks, such as {@code while (true) {}}.
 *
 * <p>Public only because snippet classes live in JShell's package {@code REPL}, in JShell's
 * class loader, whose parent (the application class loader) holds this class.
 */
public final class StopPoll {
    /** How many cell threads were asked to stop and have not ended: nonzero is rare, so the poll reads only this. */
    private static final AtomicInteger PENDING = new AtomicInteger();

    private StopPoll() {
    }

    /** Throws {@link Stopped} if the current thread is a cell that was asked to stop. */
    public static void check() {
        if (PENDING.get() != 0) {
            checkThisThread();
        }
    }

    private static void checkThisThread() {
        if (Thread.currentThread() instanceof CellThread cell && cell.stopRequested()) {
            throw new Stopped();
        }
    }

    static void requested() {
        PENDING.incrementAndGet();
    }

    static void ended() {
        PENDING.decrementAndGet();
    }

    /**
     * Thrown into a stopped cell's code. An Error so that {@code catch (Exception e)} in a
     * student's loop does not swallow it; a catch that does is passed by the next poll outside it.
     */
    static final class Stopped extends Error {
        private static final long serialVersionUID = 1L;

        Stopped() {
            // Nobody reads its stack: the cell reports "interrupted".
            super(null, null, false, false);
        }
    }
}
