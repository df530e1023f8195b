package capas.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of plain-text cells shown as HTML in a notebook and as aligned text elsewhere:
 * the containers of a store, a folder's entries, a mount's layers, an id map.
 *
 * @param caption what the table shows (Spanish), or {@code null}
 * @param headers column names (Spanish)
 * @param rows    cell texts; escaped when rendered
 */
public record TableView(String caption, List<String> headers, List<List<String>> rows) implements Displayable {
    /**
     * Rows shown at most: a change list of 100,000 entries must not freeze the browser; the
     * whole list stays in {@link #rows()} for code.
     */
    public static final int MAX_SHOWN = 1000;
    private static final capas.Messages M = capas.Messages.of(TableView.class);

    public TableView {
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> List.copyOf(r.stream().map(c -> c == null ? "" : c).toList())).toList();
    }

    /** Starts a table with these column names. */
    public static Builder of(String... headers) {
        return new Builder(List.of(headers));
    }

    /** Builds a table row by row. */
    public static final class Builder {
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();
        private String caption;

        private Builder(List<String> headers) {
            this.headers = headers;
        }

        public Builder caption(String text) {
            this.caption = text;
            return this;
        }

        public Builder row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(cell == null ? "" : String.valueOf(cell));
            }
            rows.add(row);
            return this;
        }

        public TableView build() {
            return new TableView(caption, headers, rows);
        }
    }

    @Override
    public Map<String, String> toMimeBundle() {
        HtmlTable table = new HtmlTable(headers.toArray(String[]::new));
        if (caption != null) {
            table.caption(caption);
        }
        shown().forEach(r -> table.row(r.toArray(String[]::new)));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", table.toHtml() + (omitted() > 0 ? "<p class=\"capas-truncated\">" + Html.escape(note()) + "</p>" : ""));
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : shown()) {
                if (i < row.size()) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        if (caption != null) {
            text.append(caption).append('\n');
        }
        line(text, headers, widths);
        shown().forEach(r -> line(text, r, widths));
        if (omitted() > 0) {
            text.append(note()).append('\n');
        }
        return text.toString().stripTrailing();
    }

    private List<List<String>> shown() {
        return rows.size() <= MAX_SHOWN ? rows : rows.subList(0, MAX_SHOWN);
    }

    private int omitted() {
        return rows.size() - shown().size();
    }

    private String note() {
        return M.get("table.truncated", MAX_SHOWN, rows.size());
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            text.append(i == widths.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
        }
        text.append('\n');
    }
}
