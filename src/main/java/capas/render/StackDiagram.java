package capas.render;

import capas.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live version of the course's figure: a container's union file system, its read-write
 * layer on top of the image's read-only layers, drawn from the real store.
 *
 * @param containerName the container, or {@code null} to draw an image alone
 * @param imageName     the image
 * @param layers        top first
 * @param mergedDir     where the union is mounted, or {@code null}
 * @param mounted       whether {@code merged} is mounted now
 * @param workDir       overlayfs's work folder, or {@code null}
 * @param highlight     the file to mark, or {@code null}
 * @param handTitle     the title of a hand-made overlay (no container, no image), or {@code null}
 */
public record StackDiagram(String containerName, String imageName, List<LayerBox> layers, String mergedDir, boolean mounted,
        String workDir, Highlight highlight, String handTitle) implements Displayable {
    private static final Messages M = Messages.of(StackDiagram.class);

    public StackDiagram {
        layers = List.copyOf(layers);
    }

    /** A container's stack, or an image's when {@code containerName} is {@code null}. */
    public StackDiagram(String containerName, String imageName, List<LayerBox> layers, String mergedDir, boolean mounted,
            String workDir, Highlight highlight) {
        this(containerName, imageName, layers, mergedDir, mounted, workDir, highlight, null);
    }

    /**
     * An overlay mounted by hand: {@code upperdir} on top of its {@code lowerdir}s, drawn like a
     * container's stack. Each box's id is the folder's name and its label says its role.
     */
    public static StackDiagram handMade(String title, List<LayerBox> layers, String mergedDir, boolean mounted, String workDir,
            Highlight highlight) {
        return new StackDiagram(null, null, layers, mergedDir, mounted, workDir, highlight, title);
    }

    /** Whether this is a hand-made overlay rather than a container or an image. */
    public boolean handMade() {
        return handTitle != null;
    }

    /** The SVG document. */
    public String svg() {
        return new LayerStackSvg(this).render();
    }

    /** The text alternative: the same stack, in words, top to bottom. */
    public String description() {
        StringBuilder text = new StringBuilder(handMade() ? M.get("alt.hand", handTitle) : containerName == null ? M.get("alt.image", imageName)
                : M.get("alt.container", containerName, imageName)).append('\n');
        if ((containerName != null || handMade()) && mergedDir != null) {
            text.append(M.get(mounted ? "alt.merged" : handMade() ? "alt.merged.unmounted.hand" : "alt.merged.unmounted", mergedDir)).append('\n');
        }
        int n = 1;
        for (LayerBox layer : layers) {
            if (layer.label() != null) {
                text.append(M.get("alt.layer.labelled", n++, layer.label(), layer.diffPath())).append('\n');
                continue;
            }
            text.append(M.get(layer.containerLayer() ? "alt.layer.container" : "alt.layer.image", n++, layer.id(),
                    layer.diffPath(), layer.linkName() == null ? "—" : "l/" + layer.linkName())).append('\n');
        }
        if (highlight != null) {
            text.append(M.get(highlight.deleted() ? "alt.highlight.deleted" : "alt.highlight", highlight.path(),
                    handMade() ? highlight.layerId() : shortId(highlight.layerId()), highlight.hostPath())).append('\n');
        }
        return text.toString().stripTrailing();
    }

    static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(12, id.length()));
    }

    @Override
    public Map<String, String> toMimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        String svg = svg();
        bundle.put("image/svg+xml", svg);
        bundle.put("text/html", "<figure class=\"capas-diagram\" style=\"margin:0\">" + svg.substring(svg.indexOf("<svg"))
                + "<figcaption>" + Html.escape(M.get(handMade() ? "caption.hand" : "caption")) + "</figcaption><details><summary>" + Html.escape(M.get("alt.summary"))
                + "</summary><pre>" + Html.escape(description()) + "</pre></details></figure>");
        bundle.put("text/plain", description());
        return bundle;
    }

    @Override
    public String toString() {
        return description();
    }
}
