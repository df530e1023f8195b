package capas.practica;

import capas.render.Displayable;
import capas.render.Callout;
import capas.render.Tone;
import java.util.LinkedHashMap;
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
 * @param warning something to fix that does not make the answer wrong (a missing label…), or
 *     {@code null}; shown as a warning under the verdict
 */
public record Verdict(int task, boolean correct, String message, List<String> details, String warning) implements Displayable {
    public Verdict {
        details = List.copyOf(details);
    }

    public Verdict(int task, boolean correct, String message, List<String> details) {
        this(task, correct, message, details, null);
    }

    public static Verdict right(int task, String message, String... details) {
        return new Verdict(task, true, message, List.of(details));
    }

    public static Verdict wrong(int task, String message, String... details) {
        return new Verdict(task, false, message, List.of(details));
    }

    /** The same verdict, with {@code warning} under it. */
    public Verdict withWarning(String warning) {
        return new Verdict(task, correct, message, details, warning);
    }

    private Callout callout() {
        return new Callout(correct ? Tone.OK : Tone.BAD, correct ? "✓" : "✗", message, details);
    }

    private Callout warningCallout() {
        return new Callout(Tone.WARN, Tone.WARN.mark(), warning, List.of());
    }

    @Override
    public String toString() {
        return warning == null ? callout().toString() : callout() + "\n" + warningCallout();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        if (warning == null) {
            return callout().toMimeBundle();
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", callout().toMimeBundle().get("text/html") + warningCallout().toMimeBundle().get("text/html"));
        bundle.put("text/plain", toString());
        return bundle;
    }
}
