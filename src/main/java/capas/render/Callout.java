package capas.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A boxed message with a coloured edge: a verdict, a hint, a solution, a note. Text only in,
 * escaped HTML out; the plain-text form starts with the tone's mark so that it reads the same
 * in a console or to a screen reader.
 *
 * @param tone    how to read it
 * @param lead    a bold start ("✓", "Pista 2:"), or {@code null}
 * @param message the sentence
 * @param details one line each, shown as code under the message (paths, ids)
 */
public record Callout(Tone tone, String lead, String message, List<String> details) implements Displayable {
    public Callout {
        details = List.copyOf(details);
    }

    public static Callout of(Tone tone, String message) {
        return new Callout(tone, null, message, List.of());
    }

    @Override
    public Map<String, String> toMimeBundle() {
        StringBuilder html = new StringBuilder("<div class=\"capas-callout capas-" + tone.name().toLowerCase(java.util.Locale.ROOT)
                + "\" role=\"note\" style=\"border-left:4px solid " + tone.color() + ";background:" + tone.fill()
                + ";color:" + Palette.TEXT + ";padding:6px 10px\">");
        if (lead != null) {
            html.append("<strong style=\"color:").append(tone.color()).append("\">").append(Html.escape(lead)).append("</strong> ");
        }
        html.append(Html.escape(message));
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

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(lead == null ? "" : lead + " ").append(message);
        details.forEach(d -> text.append("\n  ").append(d));
        return text.toString();
    }
}
