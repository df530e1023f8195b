package capas.leccion;

import capas.render.Html;
import capas.render.Palette;
import capas.render.Displayable;
import capas.render.Tone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Comprueba's answer: every claim checked, with ✓ or ✗ and what it was checked against, and
 * the student's predictions (✓ right, ~ not this time). It passes when every claim holds; a wrong
 * prediction is part of learning and never makes it fail.
 *
 * @param title the check, as the student reads it
 * @param items in the order they were checked
 */
public record Checklist(String title, List<Checked> items) implements Displayable {
    private static final String PREDICTION_MISSED = "~";

    public Checklist {
        items = List.copyOf(items);
    }

    /** Whether every claim held (predictions do not count). */
    public boolean passed() {
        return items.stream().filter(i -> i.kind() == Checked.Kind.CLAIM).allMatch(Checked::holds)
                && items.stream().anyMatch(i -> i.kind() == Checked.Kind.CLAIM);
    }

    /** The first claim that did not hold, for the record: empty when it passed. */
    public String firstFailure() {
        return items.stream().filter(i -> i.kind() == Checked.Kind.CLAIM && !i.holds()).findFirst()
                .map(i -> i.claim() + (i.evidence().isEmpty() ? "" : ": " + i.evidence())).orElse("");
    }

    private static String mark(Checked i) {
        if (i.holds()) {
            return Tone.OK.mark();
        }
        return i.kind() == Checked.Kind.PREDICTION ? PREDICTION_MISSED : Tone.BAD.mark();
    }

    private static Tone tone(Checked i) {
        if (i.holds()) {
            return Tone.OK;
        }
        return i.kind() == Checked.Kind.PREDICTION ? Tone.WARN : Tone.BAD;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(title);
        for (Checked i : items) {
            text.append("\n").append(mark(i)).append(" ").append(i.claim());
            if (!i.evidence().isEmpty()) {
                text.append("\n    ").append(i.evidence());
            }
        }
        return text.toString();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        Tone overall = passed() ? Tone.OK : Tone.BAD;
        StringBuilder html = new StringBuilder("<div class=\"capas-checklist\" role=\"list\" style=\"border-left:4px solid ")
                .append(overall.color()).append(";background:").append(overall.fill()).append(";color:").append(Palette.TEXT)
                .append(";padding:6px 10px\"><strong>").append(Html.escape(title)).append("</strong>");
        for (Checked i : items) {
            Tone t = tone(i);
            html.append("<div role=\"listitem\" style=\"margin:3px 0\"><strong style=\"color:").append(t.color()).append("\">")
                    .append(Html.escape(mark(i))).append("</strong> ").append(Html.escape(i.claim()));
            if (!i.evidence().isEmpty()) {
                html.append("<br><code style=\"margin-left:1.4em\">").append(Html.escape(i.evidence())).append("</code>");
            }
            html.append("</div>");
        }
        html.append("</div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", toString());
        return bundle;
    }
}
