package capas.lab;

import capas.Messages;
import capas.render.Displayable;
import capas.render.Html;
import capas.render.HtmlTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment diagnosis: every check, in the order a person would fix them. Shown by
 * {@code ./lab doctor} as text and in a notebook as a table.
 */
public record Diagnosis(List<Check> checks) implements Displayable {
    private static final Messages MESSAGES = Messages.of(Diagnosis.class);

    public Diagnosis {
        checks = List.copyOf(checks);
    }

    /** Whether the lab can work: no check is an {@link Status#ERROR}. */
    public boolean canWork() {
        return count(Status.ERROR) == 0;
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** The check about {@code topic}, for notebooks and tests that look at one. */
    public Check check(String topic) {
        return checks.stream().filter(c -> c.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topic));
    }

    /** One-line verdict. */
    public String summary() {
        return canWork()
                ? MESSAGES.get("diagnosis.can.work", count(Status.AVISO))
                : MESSAGES.get("diagnosis.cannot.work", count(Status.ERROR), count(Status.AVISO));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(MESSAGES.get("diagnosis.title")).append('\n');
        for (Check check : checks) {
            text.append(String.format("  %-8s %s: %s%n", "[" + check.status() + "]", check.topic(), check.detail()));
            if (check.fix() != null) {
                text.append(String.format("  %-8s → %s%n", "", check.fix()));
            }
        }
        return text.append(summary()).toString();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        HtmlTable table = new HtmlTable(MESSAGES.get("diagnosis.col.status"), MESSAGES.get("diagnosis.col.topic"),
                MESSAGES.get("diagnosis.col.detail"));
        for (Check check : checks) {
            String color = switch (check.status()) {
                case OK -> "#1a7f37";
                case AVISO -> "#9a6700";
                case ERROR -> "#cf222e";
            };
            String detail = Html.escape(check.detail());
            if (check.fix() != null) {
                detail += "<br><code>" + Html.escape(check.fix()) + "</code>";
            }
            table.rawRow("capas-" + check.status().name().toLowerCase(), List.of(
                    "<strong style=\"color:" + color + "\">" + check.status() + "</strong>",
                    Html.escape(check.topic()), detail));
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"capas-diagnosis\"><p><strong>" + Html.escape(MESSAGES.get("diagnosis.title"))
                + "</strong></p>" + table.toHtml() + "<p>" + Html.escape(summary()) + "</p></div>");
        bundle.put("text/plain", toString());
        return bundle;
    }
}
