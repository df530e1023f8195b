package capas.podman;

import capas.Messages;

/**
 * {@code podman ps --size} of one container.
 *
 * @param rwBytes    the container layer: what the container wrote (podman's {@code rwSize})
 * @param imageBytes the image below it, shared with every container of that image
 *                   (podman's {@code rootFsSize}, shown as "virtual")
 */
public record ContainerSize(long rwBytes, long imageBytes) {
    private static final Messages M = Messages.of(ContainerSize.class);

    @Override
    public String toString() {
        return M.get("size.text", human(rwBytes), human(imageBytes));
    }

    static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Messages.SPANISH, "%.1f %s", value, units[unit]);
    }
}
