package capas.podman;

import capas.Messages;
import capas.Sizes;

/**
 * {@code podman ps --size} of one container.
 *
 * @param rwBytes    the container layer: what the container wrote (podman's {@code rwSize})
 * @param imageBytes podman's {@code rootFsSize}, shown as "virtual": podman 4 counts the image
 *                   below the container (shared with every container of that image), podman 5
 *                   the image plus the container layer
 */
public record ContainerSize(long rwBytes, long imageBytes) {
    private static final Messages M = Messages.of(ContainerSize.class);

    @Override
    public String toString() {
        return M.get("size.text", Sizes.human(rwBytes), Sizes.human(imageBytes));
    }
}
