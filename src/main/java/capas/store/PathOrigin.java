package capas.store;

import capas.Messages;

/**
 * The answer to «¿de qué capa sale este fichero?» for an image or a container: the
 * {@link Location} found with the overlay rules, with the layer named as the layer explorer
 * names it (the container's own layer, or image layer n counted from the base, 1).
 *
 * @param subject        the image or container asked about
 * @param containerLayer whether the container's own layer decides
 * @param layerNumber    the image layer that decides, 1 for the base ({@code 0} for the container's layer or when absent)
 * @param location       where the path is, as {@link Locator} found it
 */
public record PathOrigin(String subject, boolean containerLayer, int layerNumber, Location location) {
    private static final Messages M = Messages.of(PathOrigin.class);

    /**
     * @param container  whether {@code subject} is a container (its top layer is then its own)
     * @param layerCount how many layers the stack has, the container's included
     */
    public static PathOrigin of(String subject, boolean container, int layerCount, Location location) {
        if (location.state() == Location.State.ABSENT) {
            return new PathOrigin(subject, false, 0, location);
        }
        boolean own = container && location.depth() == 0;
        return new PathOrigin(subject, own, own ? 0 : layerCount - location.depth(), location);
    }

    public Location.State state() {
        return location.state();
    }

    /** The layer that decides, or {@code null} when no layer has the path. */
    public String layerId() {
        return location.layerId();
    }

    private String layerName() {
        return containerLayer ? M.get("origin.layer.container") : M.get("origin.layer.image", layerNumber);
    }

    @Override
    public String toString() {
        return switch (location.state()) {
            case PRESENT -> M.get("origin.present", location.path(), location.type(), layerName(), location.layerId(), location.hostPath());
            case DELETED -> M.get("origin.deleted", location.path(), layerName(), location.layerId(), location.hostPath());
            case ABSENT -> M.get("origin.absent", location.path(), subject);
        };
    }
}
