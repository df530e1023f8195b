package capas.practica;

import capas.render.Displayable;
import capas.render.Callout;
import capas.render.Tone;
import java.util.List;
import java.util.Map;

/**
 * What a check says of a student's answer: right or not, what is right, what is wrong, and
 * never the solution (that is {@link Practica#solucion}).
 *
 * @param task    the task number
 * @param correct whether the answer is right
 * @param message one Spanish sentence: the verdict, and when wrong, what the mistake is
 * @param details what was checked, one line each (e.g. the real path, for comparison)
 */
public record Verdict(int task, boolean correct, String message, List<String> details) implements Displayable {
    public Verdict {
        details = List.copyOf(details);
    }

    public static Verdict right(int task, String message, String... details) {
        return new Verdict(task, true, message, List.of(details));
    }

    public static Verdict wrong(int task, String message, String... details) {
        return new Verdict(task, false, message, List.of(details));
    }

    private Callout callout() {
        return new Callout(correct ? Tone.OK : Tone.BAD, correct ? "✓" : "✗", message, details);
    }

    @Override
    public String toString() {
        return callout().toString();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        return callout().toMimeBundle();
    }
}
