package capas.progress;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the record.
 *
 * @param time     when
 * @param notebook the lesson ({@code 03}) or the práctica ({@code p3-donde-esta-tu-fichero})
 * @param step     the lesson's check ({@code fichero-en-la-capa}) or the práctica's task ({@code 3})
 * @param action   what was done
 * @param correct  the verdict of a check or a prediction; {@code null} for a hint or a solution
 * @param hints    hints asked for this step so far (prácticas; 0 in lessons)
 * @param detail   a short text: the prediction, the first reason of a ✗, the hint's number; may be empty
 */
public record ProgressEntry(Instant time, String notebook, String step, Action action, Boolean correct, int hints, String detail) {
    public ProgressEntry {
        Objects.requireNonNull(time);
        Objects.requireNonNull(notebook);
        Objects.requireNonNull(step);
        Objects.requireNonNull(action);
        detail = detail == null ? "" : detail;
    }

    /** An entry made now. */
    public static ProgressEntry now(String notebook, String step, Action action, Boolean correct, int hints, String detail) {
        return new ProgressEntry(Instant.now(), notebook, step, action, correct, hints, detail);
    }
}
