package capas.kernel;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread one snippet runs on. Stop marks it, interrupts it (code blocked in sleep or I/O
 * wakes up) and the snippet's next {@link StopPoll#check()} throws; the mark lasts until the
 * snippet has ended, so code that swallows one throw meets the next.
 */
final class CellThread extends Thread {
    private static final int RUNNING = 0;
    private static final int STOPPING = 1;
    private static final int ENDED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);

    CellThread(Runnable snippet) {
        super(snippet, "capas-snippet");
    }

    boolean stopRequested() {
        return state.get() == STOPPING;
    }

    /** Safe from any thread, any number of times, before or after the snippet ends. */
    void requestStop() {
        if (state.compareAndSet(RUNNING, STOPPING)) {
            StopPoll.requested();
        }
        interrupt();
    }

    /** The snippet has returned or thrown: its polls are over. */
    void ended() {
        if (state.getAndSet(ENDED) == STOPPING) {
            StopPoll.ended();
        }
    }
}
