package capas.kernel;

/**
 * "Run All" stops at the first failing cell, as in a Python notebook: JupyterLab sends every
 * cell at once with {@code stop_on_error} and leaves it to the kernel to skip the ones queued
 * behind a failure (ipykernel answers them "aborted"). Without this, a lesson whose first cell
 * refuses to touch the student's own {@code contenedor1} would go on and run the lesson's
 * {@code podman exec contenedor1 …} inside the student's container.
 *
 * <p>What was queued is told by when it arrives, not by the time stamped in its header: the
 * browser's clock may be another machine's. Queued requests reach the kernel within
 * milliseconds of the failure's reply; a person who reads the error and runs a cell again takes
 * far longer than {@link #QUEUED_WITHIN_NANOS}. Each skipped request extends the window, so a
 * long queue is skipped whole.
 */
final class RunAllStop {
    static final long QUEUED_WITHIN_NANOS = 500_000_000L;

    private long skipUntil = Long.MIN_VALUE;
    private boolean armed;

    /** A cell sent with {@code stop_on_error} failed; its reply leaves now. */
    synchronized void failed(long nowNanos) {
        armed = true;
        skipUntil = nowNanos + QUEUED_WITHIN_NANOS;
    }

    /** Whether the execute request arriving now was queued behind the failure and must be skipped. */
    synchronized boolean skips(long nowNanos) {
        if (!armed || nowNanos - skipUntil > 0) {
            armed = false;
            return false;
        }
        skipUntil = nowNanos + QUEUED_WITHIN_NANOS;
        return true;
    }
}
