package capas.render;

/**
 * The student's file, marked in the layer that really holds it.
 *
 * @param path     the path inside the container
 * @param layerId  the layer that serves it (or holds its whiteout)
 * @param hostPath where it is on the host
 * @param deleted  whether that layer holds a whiteout: the file is deleted for the container
 */
public record Highlight(String path, String layerId, String hostPath, boolean deleted) {
}
