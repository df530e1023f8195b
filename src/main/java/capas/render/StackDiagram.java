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
 */
public record StackDiagram(String containerName, String imageName, List<LayerBox> layers, String mergedDir, boolean mounted,
        String workDir, Highlight highlight) implements Displayable {
    private static final Messages M = Messages.of(StackDiagram.class);

    public StackDiagram {
        layers = List.copyOf(layers);
    }

    /** The SVG document. */
    public String svg() {
        return new LayerStackSvg(this).render();
    }

    /** The text alternative: the same stack, in words, top to bottom. */
    public String description() {
        StringBuilder text = new StringBuilder(containerName == null ? M.get("alt.image", imageName)
                : M.get("alt.container", containerName, imageName)).append('\n');
        if (containerName != null && mergedDir != null) {
            text.append(M.get(mounted ? "alt.merged" : "alt.merged.unmounted", mergedDir)).append('\n');
        }
        int n = 1;
        for (LayerBox layer : layers) {
            text.append(M.get(layer.containerLayer() ? "alt.layer.container" : "alt.layer.image", n++, layer.id(),
                    layer.diffPath(), layer.linkName() == null ? "—" : "l/" + layer.linkName())).append('\n');
        }
        if (highlight != null) {
            text.append(M.get(highlight.deleted() ? "alt.highlight.deleted" : "alt.highlight", highlight.path(),
                    shortId(highlight.layerId()), highlight.hostPath())).append('\n');
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
                + "<figcaption>" + Html.escape(M.get("caption")) + "</figcaption><details><summary>" + Html.escape(M.get("alt.summary"))
                + "</summary><pre>" + Html.escape(description()) + "</pre></details></figure>");
        bundle.put("text/plain", description());
        return bundle;
    }

    @Override
    public String toString() {
        return description();
    }
}
