package capas.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of "how it came out · what · why", each with its tone: the diagnosis of the machine and
 * the state of a práctica's tasks are both shown this way.
 */
public final class StatusTable implements Displayable {
    private record Row(Tone tone, String status, String topic, String detail, String fix) {
    }

    private final String title;
    private final List<String> headers;
    private final List<Row> rows = new ArrayList<>();
    private String summary;

    /** @param headers the three column titles: status, topic, detail */
    public StatusTable(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    /** Adds a row; {@code fix} (a command) is shown under the detail, or {@code null}. */
    public StatusTable row(Tone tone, String status, String topic, String detail, String fix) {
        rows.add(new Row(tone, status, topic, detail, fix));
        return this;
    }

    public StatusTable summary(String text) {
        this.summary = text;
        return this;
    }

    @Override
    public Map<String, String> toMimeBundle() {
        HtmlTable table = new HtmlTable(headers.toArray(String[]::new));
        for (Row row : rows) {
            String detail = Html.escape(row.detail());
            if (row.fix() != null) {
                detail += "<br><code>" + Html.escape(row.fix()) + "</code>";
            }
            table.rawRow("capas-" + row.tone().name().toLowerCase(java.util.Locale.ROOT), List.of(
                    "<strong style=\"color:" + row.tone().color() + "\">" + Html.escape(row.status()) + "</strong>",
                    Html.escape(row.topic()), detail));
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div class=\"capas-status\"><p><strong>" + Html.escape(title) + "</strong></p>" + table.toHtml()
                + (summary == null ? "" : "<p>" + Html.escape(summary) + "</p>") + "</div>");
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(title).append('\n');
        for (Row row : rows) {
            text.append(String.format("  %-8s %s: %s%n", "[" + row.status() + "]", row.topic(), row.detail()));
            if (row.fix() != null) {
                text.append(String.format("  %-8s → %s%n", "", row.fix()));
            }
        }
        return (summary == null ? text.toString().stripTrailing() : text.append(summary).toString());
    }
}
