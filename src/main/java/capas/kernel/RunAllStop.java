package capas.kernel;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * "Run All" stops at the first failing cell, as in a Python notebook: JupyterLab sends every
 * cell at once with {@code stop_on_error} and leaves it to the kernel to skip the ones queued
 * behind a failure (ipykernel answers them "aborted"). Without this, a lesson whose first cell
 * refuses to touch the student's own {@code contenedor1} would go on and run the lesson's
 * {@code podman exec contenedor1 …} inside the student's container.
 *
 * <p>A request was queued behind the failure when its sender stamped it before it could have
 * seen the failure: no later than the failed cell's own stamp plus the time the cell ran. Only
 * stamps of the same sender are compared, never the browser's clock with this machine's (a
 * browser may run on another computer with another time). Requests sent in one burst are
 * stamped within a few milliseconds of each other, which {@link #BURST} allows for when the
 * failed cell was quicker than that.
 */
final class RunAllStop {
    static final Duration BURST = Duration.ofMillis(100);

    private Instant failedCellSent;
    private Duration failedCellRan;

    /** A cell sent at {@code sent} with {@code stop_on_error} failed after running for {@code ran}. */
    synchronized void failed(Instant sent, Duration ran) {
        if (sent == null) {
            return;
        }
        failedCellSent = sent;
        failedCellRan = ran.compareTo(BURST) > 0 ? ran : BURST;
    }

    /** Whether a request stamped {@code sent} was queued behind the last failure, and is skipped. */
    synchronized boolean skips(Instant sent) {
        if (failedCellSent == null || sent == null) {
            return false;
        }
        if (Duration.between(failedCellSent, sent).compareTo(failedCellRan) <= 0) {
            return true;
        }
        failedCellSent = null; // the queue has been passed: only a new failure stops again
        return false;
    }

    /** An ISO 8601 stamp with an offset ({@code 2026-12-04T18:20:00.123456Z}, {@code …+00:00}), or null. */
    static Instant parseStamp(String stamp) {
        if (stamp == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(stamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
