package capas.lab;

import capas.render.Displayable;
import capas.render.Html;
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
 */
public record Verdict(int task, boolean correct, String message, List<String> details) implements Displayable {
    public Verdict {
        details = List.copyOf(details);
    }

    static Verdict right(int task, String message, String... details) {
        return new Verdict(task, true, message, List.of(details));
    }

    static Verdict wrong(int task, String message, String... details) {
        return new Verdict(task, false, message, List.of(details));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(correct ? "✓ " : "✗ ").append(message);
        details.forEach(d -> text.append("\n  ").append(d));
        return text.toString();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        String color = correct ? "#1a7f37" : "#cf222e";
        String background = correct ? "#dafbe1" : "#ffebe9";
        StringBuilder html = new StringBuilder("<div class=\"capas-verdict capas-" + (correct ? "ok" : "ko")
                + "\" style=\"border-left:4px solid " + color + ";background:" + background + ";padding:6px 10px\">");
        html.append("<strong style=\"color:").append(color).append("\">").append(correct ? "✓ " : "✗ ").append("</strong>")
                .append(Html.escape(message));
        if (!details.isEmpty()) {
            html.append("<ul style=\"margin:4px 0 0 0\">");
            details.forEach(d -> html.append("<li><code>").append(Html.escape(d)).append("</code></li>"));
            html.append("</ul>");
        }
        html.append("</div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html.toString());
        bundle.put("text/plain", toString());
        return bundle;
    }
}
