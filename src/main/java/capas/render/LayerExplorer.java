package capas.render;

import capas.Messages;
import capas.Sizes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of each layer of an image or a container, top layer first: every entry with its
 * mark (A added, C modified, D deleted by a whiteout) and its size, foldable per layer and per
 * folder.
 *
 * <p>Built for images with thousands of files: everything starts folded, each layer shows at
 * most {@code limit} entries (in path order) followed by a note saying how many were left out,
 * and the output is deterministic. Every name comes from a store a container can write to, so
 * all of it is escaped; marks are letters (with a tooltip), never colour alone.
 *
 * @param subject   the image's or the container's name
 * @param container whether {@code subject} is a container (its first layer is then its own)
 * @param layers    top first
 * @param limit     the most entries shown per layer
 */
public record LayerExplorer(String subject, boolean container, List<Layer> layers, int limit) implements Displayable {
    private static final Messages M = Messages.of(LayerExplorer.class);
    /** Enough to browse a layer; past it, {@code whichLayer} answers for any path. */
    public static final int DEFAULT_LIMIT = 2000;
    private static final String MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace";

    public LayerExplorer {
        layers = List.copyOf(layers);
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
    }

    public LayerExplorer(String subject, boolean container, List<Layer> layers) {
        this(subject, container, layers, DEFAULT_LIMIT);
    }

    /** What an entry does to the layers below it. */
    public enum Mark {
        /** Added: no layer below has it. */
        A(Palette.OK, Palette.OK_FILL),
        /** Modified: a layer below has it too, this copy hides it. */
        C(Palette.WARN, Palette.WARN_FILL),
        /** Deleted: a whiteout hides the entry of the layers below. */
        D(Palette.BAD, Palette.BAD_FILL);

        private final String colour;
        private final String fill;

        Mark(String colour, String fill) {
            this.colour = colour;
            this.fill = fill;
        }
    }

    /**
     * One layer.
     *
     * @param id      the layer's id
     * @param entries its entries in path order, each folder before what it holds
     */
    public record Layer(String id, List<Item> entries) {
        public Layer {
            entries = List.copyOf(entries);
        }

        long count(Mark mark) {
            return entries.stream().filter(e -> e.mark() == mark).count();
        }

        long size() {
            return entries.stream().filter(e -> e.path().lastIndexOf('/') == 0).mapToLong(Item::size).sum();
        }
    }

    /**
     * One entry of a layer.
     *
     * @param path   inside the image, e.g. {@code /etc/passwd}
     * @param mark   A, C or D
     * @param folder whether it is a folder
     * @param opaque whether it is an opaque folder (hides what the layers below have in it)
     * @param size   bytes (for a folder, everything under it in this layer)
     */
    public record Item(String path, Mark mark, boolean folder, boolean opaque, long size) {
        String name() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @Override
    public Map<String, String> toMimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("text/plain", text());
        return bundle;
    }

    @Override
    public String toString() {
        return text();
    }

    private String title() {
        return M.get(container ? "explorer.title.container" : "explorer.title.image", subject);
    }

    /** A layer's heading: the container's own layer, or the image's layers numbered from the base. */
    private String layerName(int index) {
        if (container && index == 0) {
            return M.get("explorer.layer.container");
        }
        return M.get("explorer.layer.image", layers.size() - index);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String count(long n) {
        return String.format(Messages.SPANISH, "%,d", n);
    }

    private String summary(Layer layer) {
        return M.get("explorer.layer.summary", count(layer.entries().size()), Sizes.human(layer.size()),
                count(layer.count(Mark.A)), count(layer.count(Mark.C)), count(layer.count(Mark.D)));
    }

    private String truncation(Layer layer) {
        return M.get("explorer.truncated", count(limit), count(layer.entries().size()));
    }

    /** The HTML view: one {@code <details>} per layer and per folder, all folded. */
    public String html() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<div class=\"capas-explorer\" style=\"color:").append(Palette.TEXT).append(";line-height:1.5\">\n");
        html.append("<p><strong>").append(Html.escape(title())).append("</strong></p>\n");
        html.append("<p style=\"color:").append(Palette.MUTED).append("\">").append(legendHtml()).append("</p>\n");
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            boolean own = container && i == 0;
            html.append("<details class=\"capas-layer\" style=\"border-left:4px solid ")
                    .append(own ? Palette.CONTAINER_STROKE : Palette.IMAGE_STROKE).append(";background:")
                    .append(own ? Palette.CONTAINER_FILL : Palette.IMAGE_FILL).append(";padding:2px 8px;margin:4px 0\">\n");
            html.append("<summary><strong>").append(Html.escape(layerName(i))).append("</strong> <code title=\"")
                    .append(Html.escape(layer.id())).append("\">").append(Html.escape(shortId(layer.id()))).append("</code> · ")
                    .append(Html.escape(summary(layer))).append("</summary>\n");
            if (layer.entries().isEmpty()) {
                html.append("<p>").append(Html.escape(M.get("explorer.layer.empty"))).append("</p>\n");
            } else {
                tree(html, layer.entries().subList(0, Math.min(limit, layer.entries().size())));
            }
            if (layer.entries().size() > limit) {
                html.append("<p role=\"note\" style=\"color:").append(Palette.WARN).append("\"><strong>")
                        .append(Html.escape(truncation(layer))).append("</strong></p>\n");
            }
            html.append("</details>\n");
        }
        return html.append("</div>\n").toString();
    }

    private static String legendHtml() {
        StringBuilder legend = new StringBuilder(Html.escape(M.get("explorer.legend.intro")));
        for (Mark mark : Mark.values()) {
            legend.append(' ').append(markHtml(mark)).append(' ').append(Html.escape(M.get("explorer.legend." + mark.name()))).append(';');
        }
        legend.append(' ').append(opaqueHtml()).append(' ').append(Html.escape(M.get("explorer.legend.opaque")));
        return legend.toString();
    }

    private static String markHtml(Mark mark) {
        return "<span class=\"capas-mark\" title=\"" + Html.escape(M.get("explorer.mark." + mark.name())) + "\" style=\"font-family:" + MONO
                + ";font-weight:bold;color:" + mark.colour + ";background:" + mark.fill + ";padding:0 4px;border-radius:3px\">" + mark.name()
                + "</span>";
    }

    private static String opaqueHtml() {
        return "<span class=\"capas-opaque\" style=\"color:" + Palette.INFO + ";background:" + Palette.INFO_FILL
                + ";padding:0 4px;border-radius:3px\">" + Html.escape(M.get("explorer.opaque")) + "</span>";
    }

    /** Nested lists: a folder with entries shown under it becomes a {@code <details>}. */
    private static void tree(StringBuilder html, List<Item> items) {
        html.append("<ul style=\"list-style:none;margin:0;padding-left:1.2em\">\n");
        Deque<String> open = new ArrayDeque<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            while (!open.isEmpty() && !item.path().startsWith(open.peek() + "/")) {
                open.pop();
                html.append("</ul></details></li>\n");
            }
            boolean hasChildren = item.folder() && i + 1 < items.size() && items.get(i + 1).path().startsWith(item.path() + "/");
            if (hasChildren) {
                html.append("<li><details><summary>").append(line(item)).append("</summary>\n")
                        .append("<ul style=\"list-style:none;margin:0;padding-left:1.2em\">\n");
                open.push(item.path());
            } else {
                html.append("<li>").append(line(item)).append("</li>\n");
            }
        }
        while (!open.isEmpty()) {
            open.pop();
            html.append("</ul></details></li>\n");
        }
        html.append("</ul>\n");
    }

    private static String line(Item item) {
        StringBuilder line = new StringBuilder(markHtml(item.mark())).append(" <code>").append(Html.escape(item.name()))
                .append(item.folder() ? "/" : "").append("</code>");
        if (item.opaque()) {
            line.append(' ').append(opaqueHtml());
        }
        if (item.mark() != Mark.D || item.folder()) {
            line.append(" <span style=\"color:").append(Palette.MUTED).append("\">").append(Html.escape(Sizes.human(item.size())))
                    .append("</span>");
        }
        return line.toString();
    }

    /** The text view: the same layers, one path a line, with the same limit. */
    public String text() {
        StringBuilder text = new StringBuilder(title()).append('\n').append(M.get("explorer.legend.text")).append('\n');
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            text.append('\n').append(layerName(i)).append(' ').append(shortId(layer.id())).append(" · ").append(summary(layer)).append('\n');
            if (layer.entries().isEmpty()) {
                text.append("  ").append(M.get("explorer.layer.empty")).append('\n');
            }
            for (Item item : layer.entries().subList(0, Math.min(limit, layer.entries().size()))) {
                text.append("  ").append(item.mark().name()).append("  ").append(plain(item.path())).append(item.folder() ? "/" : "");
                if (item.opaque()) {
                    text.append(" [").append(M.get("explorer.opaque")).append(']');
                }
                if (item.mark() != Mark.D || item.folder()) {
                    text.append("  (").append(Sizes.human(item.size())).append(')');
                }
                text.append('\n');
            }
            if (layer.entries().size() > limit) {
                text.append("  ").append(truncation(layer)).append('\n');
            }
        }
        return text.toString();
    }

    /** A name with its control characters (a newline in a file name) made visible, so each entry stays one line. */
    private static String plain(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '\uFFFD' : c));
        return out.toString();
    }
}
