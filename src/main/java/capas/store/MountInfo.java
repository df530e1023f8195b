package capas.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads overlay mounts from {@code /proc/<pid>/mountinfo}: unlike {@code mount}'s output it keeps
 * every option and escapes spaces, and it is per mount namespace, so the same code run inside
 * {@code podman unshare} sees the rootless mounts that the host cannot.
 */
public final class MountInfo {
    /** The mount table of the calling process's mount namespace. */
    public static final Path SELF = Path.of("/proc/self/mountinfo");

    private MountInfo() {
    }

    public static List<OverlayMount> overlays(Path mountinfo) {
        try {
            return parse(Files.readAllLines(mountinfo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<OverlayMount> overlays() {
        return overlays(SELF);
    }

    /** The overlay mounted at {@code mergedDir}, if it is mounted in this namespace. */
    public static Optional<OverlayMount> at(List<OverlayMount> mounts, String mergedDir) {
        return mounts.stream().filter(m -> m.mergedDir().equals(mergedDir)).reduce((first, second) -> second);
    }

    /**
     * Parses mountinfo lines: {@code id parent major:minor root mountpoint options [optional...] - fstype source superoptions}.
     */
    static List<OverlayMount> parse(List<String> lines) {
        List<OverlayMount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            int dash = indexOf(fields, "-");
            if (dash < 0 || dash + 3 >= fields.length || !"overlay".equals(fields[dash + 1])) {
                continue;
            }
            String mountPoint = unescape(fields[4]);
            List<String> options = new ArrayList<>();
            List<String> lower = List.of();
            String upper = null;
            String work = null;
            for (String option : fields[dash + 3].split(",")) {
                String value = option.contains("=") ? unescape(option.substring(option.indexOf('=') + 1)) : null;
                if (option.startsWith("lowerdir=")) {
                    lower = List.of(value.split(":"));
                } else if (option.startsWith("upperdir=")) {
                    upper = value;
                } else if (option.startsWith("workdir=")) {
                    work = value;
                } else {
                    options.add(option);
                }
            }
            mounts.add(new OverlayMount(mountPoint, lower, upper, work, options));
        }
        return mounts;
    }

    private static int indexOf(String[] fields, String wanted) {
        for (int i = 6; i < fields.length; i++) {
            if (fields[i].equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes (\040…). */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && isOctal(text, i + 1)) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
