package capas.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a mount table ({@code /proc/<pid>/mountinfo}), whatever the file system: the
 * overlays of the containers, but also a {@code tmpfs} a student mounts by hand.
 *
 * @param mountPoint where it is mounted, unescaped
 * @param fsType     the file system type ({@code overlay}, {@code tmpfs}, {@code proc}…)
 * @param source     what was mounted (a device, or a free word such as {@code tmpfs})
 */
public record MountPoint(String mountPoint, String fsType, String source) {
    /** The mount table of the calling process's mount namespace. */
    public static final Path SELF = Path.of("/proc/self/mountinfo");

    /** Every mount of {@code mountinfo}, in its order. */
    public static List<MountPoint> read(Path mountinfo) {
        try {
            return parse(Files.readAllLines(mountinfo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses mountinfo lines: {@code id parent major:minor root mountpoint options [optional...] - fstype source superoptions}.
     */
    public static List<MountPoint> parse(List<String> lines) {
        List<MountPoint> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            int dash = -1;
            for (int i = 6; i < fields.length; i++) {
                if (fields[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (dash < 0 || dash + 2 >= fields.length) {
                continue;
            }
            mounts.add(new MountPoint(unescape(fields[4]), fields[dash + 1], unescape(fields[dash + 2])));
        }
        return mounts;
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes ({@code \040}…). */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 4 <= text.length() && text.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
