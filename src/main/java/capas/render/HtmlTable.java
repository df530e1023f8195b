package capas.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A small HTML table whose cells are always escaped: callers pass plain text, never markup,
 * except through {@link #rawRow} for cells the caller built from escaped parts.
 */
public final class HtmlTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> rowClasses = new ArrayList<>();
    private String caption;

    public HtmlTable(String... headers) {
        this.headers = List.of(headers);
    }

    public HtmlTable caption(String text) {
        this.caption = text;
        return this;
    }

    /** Adds a row of plain-text cells. */
    public HtmlTable row(String... cells) {
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
            escaped.add(Html.escape(cell));
        }
        return rawRow(null, escaped);
    }

    /** Adds a row of already escaped HTML cells, with an optional CSS class. */
    public HtmlTable rawRow(String cssClass, List<String> htmlCells) {
        rows.add(List.copyOf(htmlCells));
        rowClasses.add(cssClass);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"capas\">");
        if (caption != null) {
            html.append("<caption>").append(Html.escape(caption)).append("</caption>");
        }
        html.append("<thead><tr>");
        headers.forEach(h -> html.append("<th style=\"text-align:left\">").append(Html.escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < rows.size(); i++) {
            String css = rowClasses.get(i);
            html.append(css == null ? "<tr>" : "<tr class=\"" + Html.escape(css) + "\">");
            rows.get(i).forEach(c -> html.append("<td style=\"text-align:left;vertical-align:top\">").append(c).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
