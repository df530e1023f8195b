package capas.lab;

import capas.CapasException;
import capas.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One range of subordinate ids that {@code /etc/subuid} or {@code /etc/subgid} grants a user
 * ({@code usuario:inicio:cuántos}): the ids a rootless user namespace gives to ids 1, 2, 3… inside.
 *
 * @param start the first host id of the range
 * @param count how many ids it has
 */
public record SubIdRange(long start, long count) {
    private static final Messages M = Messages.of(SubIdRange.class);
    public static final Path SUBUID = Path.of("/etc/subuid");
    public static final Path SUBGID = Path.of("/etc/subgid");

    /** The last host id of the range. */
    public long end() {
        return start + count - 1;
    }

    /** The ranges of {@code file} for the user named {@code user} or numbered {@code id}, in file order. */
    public static List<SubIdRange> read(Path file, String user, long id) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("subid.unreadable", file), M.get("subid.hint", file, user));
        }
        List<SubIdRange> ranges = parse(lines, user, id);
        if (ranges.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("subid.none", file, user), M.get("subid.hint", file, user));
        }
        return ranges;
    }

    /**
     * Whether {@code /etc/nsswitch.conf} takes subordinate ids from somewhere other than the files
     * ({@code subid: sss} on a machine joined to a directory): then an empty {@code /etc/subuid}
     * proves nothing.
     */
    public static boolean fromDirectoryService() {
        try {
            return fromDirectoryService(Files.readAllLines(Path.of("/etc/nsswitch.conf")));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean fromDirectoryService(List<String> nsswitch) {
        return nsswitch.stream().map(String::strip).filter(l -> l.startsWith("subid:"))
                .anyMatch(l -> !l.substring("subid:".length()).strip().equals("files"));
    }

    static List<SubIdRange> parse(List<String> lines, String user, long id) {
        List<SubIdRange> ranges = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split(":");
            if (f.length != 3 || line.strip().startsWith("#") || !(f[0].equals(user) || f[0].equals(String.valueOf(id)))) {
                continue;
            }
            try {
                ranges.add(new SubIdRange(Long.parseLong(f[1].strip()), Long.parseLong(f[2].strip())));
            } catch (NumberFormatException e) {
                // A malformed line: newuidmap ignores it too.
            }
        }
        return ranges;
    }
}
