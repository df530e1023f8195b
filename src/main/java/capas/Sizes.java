package capas;

/** Sizes as a person reads them, with podman's decimal units and a Spanish decimal comma. */
public final class Sizes {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB"};

    private Sizes() {
    }

    /** e.g. {@code 4,3 MB}; bytes below 1000 stay as {@code 27 B}. */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Messages.SPANISH, "%.1f %s", value, UNITS[unit]);
    }
}
