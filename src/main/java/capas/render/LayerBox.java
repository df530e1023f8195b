package capas.render;

/**
 * One layer as the diagram draws it.
 *
 * @param id             the layer id (64 hex characters)
 * @param containerLayer whether it is the container's read-write layer (else a read-only image layer)
 * @param linkName       its short name in {@code overlay/l/}, or {@code null}
 * @param diffPath       its {@code diff} folder on the host
 * @param size           its size, already written for people (e.g. {@code 4,3 MB}), or {@code null}
 * @param label          the box's heading, or {@code null} for the container's or image's usual one
 *                       (a hand-made overlay says {@code upperdir}, {@code lowerdir 1}…)
 */
public record LayerBox(String id, boolean containerLayer, String linkName, String diffPath, String size, String label) {
    /** A layer of a container or an image, with the usual heading. */
    public LayerBox(String id, boolean containerLayer, String linkName, String diffPath, String size) {
        this(id, containerLayer, linkName, diffPath, size, null);
    }
}
