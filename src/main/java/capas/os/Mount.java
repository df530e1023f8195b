package capas.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of a mount table, {@code /proc/<pid>/mountinfo}: unlike {@code mount}'s output it
 * keeps every option and escapes spaces, and it is per mount namespace, so the same code run
 * inside {@code podman unshare} sees the rootless mounts that the host cannot. The only reader
 * of that file: the overlays of the store, the mounts a notebook lists and the doctor's look at
 * {@code /} all start here.
 *
 * @param mountPoint     where it is mounted, unescaped
 * @param options        the per-mount options ({@code rw}, {@code relatime}…)
 * @param optionalFields the tagged fields before the separator ({@code shared:1}, {@code master:2}…)
 * @param fsType         the file system type ({@code overlay}, {@code tmpfs}, {@code proc}…)
 * @param source         what was mounted (a device, or a free word such as {@code tmpfs}), unescaped
 * @param superOptions   the file system's own options, each unescaped ({@code lowerdir=/a:/b}…)
 */
public record Mount(String mountPoint, List<String> options, List<String> optionalFields, String fsType, String source,
        List<String> superOptions) {
    /** The mount table of the calling process's mount namespace. */
    public static final Path SELF = Path.of("/proc/self/mountinfo");
    /** Fields before the optional ones: id, parent, major:minor, root, mount point, options. */
    private static final int FIXED_FIELDS = 6;

    public Mount {
        options = List.copyOf(options);
        optionalFields = List.copyOf(optionalFields);
        superOptions = List.copyOf(superOptions);
    }

    /** Whether mounts below it propagate to peers ({@code shared:N}): what rootless podman expects of {@code /}. */
    public boolean shared() {
        return optionalFields.stream().anyMatch(f -> f.startsWith("shared:"));
    }

    /** Every mount of the table in {@code file}, in its order. */
    public static List<Mount> read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mounts of these lines, in their order; a line that is not a mount is skipped. */
    public static List<Mount> parse(List<String> lines) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            parse(line).ifPresent(mounts::add);
        }
        return mounts;
    }

    /**
     * One line: {@code id parent major:minor root mountpoint options [optional...] - fstype source superoptions}.
     * The fields are separated by single spaces, since spaces inside them are escaped.
     */
    public static Optional<Mount> parse(String line) {
        String[] fields = line.split(" ");
        int dash = -1;
        for (int i = FIXED_FIELDS; i < fields.length; i++) {
            if (fields[i].equals("-")) {
                dash = i;
                break;
            }
        }
        if (dash < 0 || dash + 2 >= fields.length) {
            return Optional.empty();
        }
        List<String> optional = List.of(fields).subList(FIXED_FIELDS, dash);
        List<String> superOptions = dash + 3 < fields.length ? split(fields[dash + 3]) : List.of();
        return Optional.of(new Mount(unescape(fields[4]), split(fields[5]), optional, fields[dash + 1], unescape(fields[dash + 2]),
                superOptions));
    }

    /** Options are split before unescaping: a comma inside a path is written {@code \054}. */
    private static List<String> split(String options) {
        List<String> out = new ArrayList<>();
        for (String option : options.split(",")) {
            if (!option.isEmpty()) {
                out.add(unescape(option));
            }
        }
        return out;
    }

    /** The kernel writes space, tab, newline, backslash (and, in options, comma) as octal escapes ({@code \040}…). */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
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
