package capas.render;

import capas.Messages;

/**
 * Draws a {@link StackDiagram} as a standalone SVG document.
 *
 * <p>Everything drawn comes from a store that containers can write to (names, paths), so every
 * string is escaped and long ones are shortened in the middle with the full text in a
 * {@code <title>} tooltip; the document has no scripts, no event attributes and no external
 * references. Output is deterministic, so tests can compare it to golden files.
 */
final class LayerStackSvg {
    private static final Messages M = Messages.of(LayerStackSvg.class);
    private static final int WIDTH = 1000;
    private static final int BOX_X = 290;
    private static final int BOX_W = 690;
    private static final int MERGED_H = 52;
    private static final int LAYER_H = 84;
    private static final int CONTAINER_H = 104;
    private static final int GAP = 14;
    private static final String SANS = "DejaVu Sans, Verdana, Arial, sans-serif";
    private static final String MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace";

    private final StackDiagram d;
    private final String uid;
    private final StringBuilder svg = new StringBuilder();

    LayerStackSvg(StackDiagram diagram) {
        this.d = diagram;
        // Ids must be unique on a page with several diagrams, and stable for golden files.
        this.uid = Integer.toHexString(diagram.description().hashCode());
    }

    String render() {
        int y = 60;
        boolean withMerged = (d.containerName() != null || d.handMade()) && d.mergedDir() != null;
        int layersTop = withMerged ? y + MERGED_H + 28 : y + 10;
        int height = layersTop;
        for (LayerBox layer : d.layers()) {
            height += (layer.containerLayer() ? CONTAINER_H : LAYER_H) + GAP;
        }
        int hostLineY = height + 16;
        int legendY = hostLineY + (d.highlight() != null ? 34 : 4);
        height = legendY + 66;

        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"capas-t-")
                .append(uid).append(" capas-d-").append(uid).append("\" font-family=\"").append(SANS).append("\">\n");
        svg.append("<title id=\"capas-t-").append(uid).append("\">").append(esc(title())).append("</title>\n");
        svg.append("<desc id=\"capas-d-").append(uid).append("\">").append(esc(d.description())).append("</desc>\n");
        svg.append("<defs><marker id=\"capas-arrow-").append(uid)
                .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + Palette.MUTED + "\"/></marker></defs>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"" + Palette.BACKGROUND + "\"/>\n");
        text(20, 34, 20, "bold", Palette.TEXT, SANS, title(), 88);

        if (withMerged) {
            rect(BOX_X, y, BOX_W, MERGED_H, Palette.MERGED_FILL, Palette.MERGED_STROKE, true);
            text(BOX_X + 14, y + 22, 15, "bold", Palette.MERGED_STROKE, SANS, M.get((d.mounted() ? "merged" : "merged.unmounted") + (d.handMade() ? ".hand" : "")), 80);
            text(BOX_X + 14, y + 42, 13, "normal", Palette.TEXT, MONO, d.mergedDir(), 82);
            arrowUp(BOX_X + BOX_W / 2, layersTop - 2, y + MERGED_H + 2);
        }
        if (!d.handMade()) {
            text(20, layersTop - 10, 13, "bold", Palette.MUTED, SANS, M.get("link.caption"), 40);
        }

        int boxY = layersTop;
        int imageIndex = (int) d.layers().stream().filter(l -> !l.containerLayer()).count();
        for (LayerBox layer : d.layers()) {
            int h = layer.containerLayer() ? CONTAINER_H : LAYER_H;
            layer(layer, boxY, h, layer.containerLayer() ? 0 : imageIndex--);
            boxY += h + GAP;
        }
        if (d.highlight() != null) {
            text(20, hostLineY + 8, 14, "bold", Palette.TEXT, SANS, M.get(d.handMade() ? "host.path.hand" : "host.path", ""), 20);
            text(170, hostLineY + 8, 13, "normal", Palette.TEXT, MONO, d.highlight().hostPath(), 100);
        }
        legend(legendY);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private String title() {
        if (d.handMade()) {
            return d.handTitle();
        }
        return d.containerName() == null ? M.get("title.image", d.imageName()) : M.get("title.container", d.containerName(), d.imageName());
    }

    private void layer(LayerBox layer, int y, int h, int imageNumber) {
        boolean top = layer.containerLayer();
        String stroke = top ? Palette.CONTAINER_STROKE : Palette.IMAGE_STROKE;
        rect(BOX_X, y, BOX_W, h, top ? Palette.CONTAINER_FILL : Palette.IMAGE_FILL, stroke, false);
        String heading = layer.label() != null ? layer.label() : top ? M.get("layer.container") : M.get("layer.image", imageNumber);
        text(BOX_X + 14, y + 24, 16, "bold", stroke, SANS, heading, 60);
        if (!d.handMade()) {
            svg.append("<g><title>").append(esc(layer.id())).append("</title>");
            text(BOX_X + 14, y + 46, 14, "normal", Palette.TEXT, MONO, "id " + StackDiagram.shortId(layer.id()) + "…", 40);
            svg.append("</g>\n");
        }
        if (layer.size() != null) {
            svg.append("<text x=\"").append(BOX_X + BOX_W - 14).append("\" y=\"").append(y + 24)
                    .append("\" font-size=\"14\" text-anchor=\"end\" fill=\"").append(Palette.TEXT).append("\">").append(esc(layer.size())).append("</text>\n");
        }
        text(BOX_X + 14, y + 68, 13, "normal", Palette.TEXT, MONO, (d.handMade() ? "" : "diff: ") + layer.diffPath(), 82);
        if (top && d.workDir() != null) {
            text(BOX_X + 14, y + 90, 13, "normal", Palette.MUTED, MONO, M.get("work", d.workDir()), 82);
        }
        if (layer.linkName() != null) {
            rect(20, y + h / 2 - 16, 250, 32, Palette.NEUTRAL_FILL, Palette.NEUTRAL_STROKE, false);
            svg.append("<g><title>").append(esc("overlay/l/" + layer.linkName() + " → ../" + layer.id() + "/diff")).append("</title>");
            text(32, y + h / 2 + 5, 13, "normal", Palette.TEXT, MONO, "l/" + layer.linkName(), 30);
            svg.append("</g>\n");
            svg.append("<line x1=\"272\" y1=\"").append(y + h / 2).append("\" x2=\"").append(BOX_X - 2).append("\" y2=\"").append(y + h / 2)
                    .append("\" stroke=\"" + Palette.MUTED + "\" stroke-width=\"1.5\" marker-end=\"url(#capas-arrow-").append(uid).append(")\"/>\n");
        }
        if (d.highlight() != null && layer.id().equals(d.highlight().layerId())) {
            marker(y, h);
        }
    }

    /** The student's file: a yellow tag, or a red crossed one for a whiteout. */
    private void marker(int y, int h) {
        Highlight hl = d.highlight();
        int w = 300;
        int x = BOX_X + BOX_W - w - 14;
        // On the id line, whose right side is free: the title and the diff path stay readable.
        int my = y + 30;
        svg.append("<g class=\"capas-highlight\"><title>").append(esc(hl.hostPath())).append("</title>");
        rect(x, my, w, 24, hl.deleted() ? Palette.WHITEOUT_FILL : Palette.FILE_FILL, hl.deleted() ? Palette.WHITEOUT_STROKE : Palette.FILE_STROKE, false);
        text(x + 12, my + 17, 14, "bold", hl.deleted() ? Palette.WHITEOUT_STROKE : Palette.TEXT, MONO, (hl.deleted() ? "✗ " : "★ ") + hl.path(), 32);
        if (hl.deleted()) {
            svg.append("<line x1=\"").append(x + 8).append("\" y1=\"").append(my + 12).append("\" x2=\"").append(x + w - 8)
                    .append("\" y2=\"").append(my + 12).append("\" stroke=\"").append(Palette.WHITEOUT_STROKE).append("\" stroke-width=\"2\"/>");
        }
        svg.append("</g>\n");
    }

    /** Two columns, two rows: fits the width whatever the labels' lengths. */
    private void legend(int y) {
        String hand = d.handMade() ? ".hand" : "";
        // An image alone has no container layer and no file marked: its legend says only what is drawn.
        boolean imageOnly = !d.handMade() && d.containerName() == null;
        if (!imageOnly) {
            swatch(20, y, Palette.CONTAINER_FILL, Palette.CONTAINER_STROKE, M.get("legend.container" + hand));
        }
        swatch(imageOnly ? 20 : 500, y, Palette.IMAGE_FILL, Palette.IMAGE_STROKE, M.get("legend.image" + hand));
        if (!imageOnly || d.highlight() != null) {
            swatch(20, y + 28, Palette.FILE_FILL, Palette.FILE_STROKE, M.get("legend.file" + hand));
        }
        if (d.highlight() != null && d.highlight().deleted()) {
            swatch(500, y + 28, Palette.WHITEOUT_FILL, Palette.WHITEOUT_STROKE, M.get("legend.whiteout" + hand));
        }
    }

    private void swatch(int x, int y, String fill, String stroke, String label) {
        rect(x, y, 18, 18, fill, stroke, false);
        text(x + 26, y + 14, 13, "normal", Palette.TEXT, SANS, label, 60);
    }

    private void arrowUp(int x, int from, int to) {
        svg.append("<line x1=\"").append(x).append("\" y1=\"").append(from).append("\" x2=\"").append(x).append("\" y2=\"").append(to + 6)
                .append("\" stroke=\"" + Palette.MUTED + "\" stroke-width=\"1.5\" marker-end=\"url(#capas-arrow-").append(uid).append(")\"/>\n");
    }

    private void rect(int x, int y, int w, int h, String fill, String stroke, boolean dashed) {
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"2\"")
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append("/>\n");
    }

    /** A text, shortened to {@code max} characters; when shortened, the whole text is its tooltip. */
    private void text(int x, int y, int size, String weight, String fill, String family, String value, int max) {
        String shown = elide(value, max);
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size).append("\" font-weight=\"")
                .append(weight).append("\" fill=\"").append(fill).append("\" font-family=\"").append(family).append("\">");
        if (!shown.equals(value)) {
            svg.append("<title>").append(esc(value)).append("</title>");
        }
        svg.append(esc(shown)).append("</text>\n");
    }

    /** Keeps the start and the end (where ids and file names are) of a long text. */
    static String elide(String value, int max) {
        if (value == null) {
            return "";
        }
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        int[] cps = value.codePoints().toArray();
        int head = (max - 1) * 2 / 5;
        int tail = max - 1 - head;
        return new String(cps, 0, head) + "…" + new String(cps, cps.length - tail, tail);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
