package capas.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The subordinate ids a user may put in a user namespace, from {@code /etc/subuid} and
 * {@code /etc/subgid} ({@code usuario:inicio:cuántos}): the ids a rootless namespace gives to
 * ids 1, 2, 3… inside. The only reader (and writer) of those files, and the one rule for the
 * range to suggest to a user who has none.
 */
public final class SubIds {
    public static final Path SUBUID = Path.of("/etc/subuid");
    public static final Path SUBGID = Path.of("/etc/subgid");
    public static final Path NSSWITCH = Path.of("/etc/nsswitch.conf");
    /** useradd's defaults (SUB_UID_MIN, SUB_UID_COUNT in login.defs): what a new user would get. */
    static final long FIRST = 100_000;
    static final long COUNT = 65_536;

    /**
     * One range of subordinate ids.
     *
     * @param start the first host id of the range
     * @param count how many ids it has
     */
    public record Range(long start, long count) {
        /** The last host id of the range. */
        public long end() {
            return start + count - 1;
        }

        boolean overlaps(long from, long to) {
            return start <= to && from <= end();
        }

        /** As {@code usermod --add-subuids} takes it: {@code first-last}. */
        public String span() {
            return start + "-" + end();
        }
    }

    private SubIds() {
    }

    /** The ranges of {@code file} for the user named {@code user} or numbered {@code id}, in file order. */
    public static List<Range> read(Path file, String user, long id) throws IOException {
        return of(Files.readAllLines(file), user, id);
    }

    /** The ranges in these lines for the user named {@code user} or numbered {@code id}, in their order. */
    public static List<Range> of(List<String> lines, String user, long id) {
        List<Range> ranges = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split(":");
            if (f.length == 3 && (f[0].equals(user) || f[0].equals(String.valueOf(id)))) {
                parse(f).ifPresent(ranges::add);
            }
        }
        return ranges;
    }

    /** Every range in these lines, whoever has it. */
    static List<Range> all(List<String> lines) {
        List<Range> ranges = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split(":");
            if (f.length == 3) {
                parse(f).ifPresent(ranges::add);
            }
        }
        return ranges;
    }

    private static Optional<Range> parse(String[] fields) {
        if (fields[0].startsWith("#")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Range(Long.parseLong(fields[1].strip()), Long.parseLong(fields[2].strip())));
        } catch (NumberFormatException e) {
            // A malformed line: newuidmap ignores it too.
            return Optional.empty();
        }
    }

    /**
     * Whether {@code nsswitch.conf} takes subordinate ids from somewhere other than the files
     * ({@code subid: sss} on a machine joined to a directory): then an empty {@code /etc/subuid}
     * proves nothing.
     */
    public static boolean fromDirectoryService(List<String> nsswitch) {
        return nsswitch.stream().map(String::strip).filter(l -> l.startsWith("subid:"))
                .anyMatch(l -> !l.substring("subid:".length()).strip().equals("files"));
    }

    /** {@link #fromDirectoryService(List)} of a file; a missing one means the files. */
    public static boolean fromDirectoryService(Path nsswitch) {
        try {
            return fromDirectoryService(Files.readAllLines(nsswitch));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The range to give a user who has none: useradd's size, at the lowest start from
     * useradd's first id that overlaps no range of either file, so the same ids work for
     * uids and gids and nobody else's ids are handed out twice.
     */
    public static Range suggestion(List<String> uidLines, List<String> gidLines) {
        List<Range> taken = new ArrayList<>(all(uidLines));
        taken.addAll(all(gidLines));
        long start = FIRST;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Range r : taken) {
                if (r.overlaps(start, start + COUNT - 1)) {
                    start = r.end() + 1;
                    moved = true;
                }
            }
        }
        return new Range(start, COUNT);
    }

    /** {@link #suggestion(List, List)} for this machine's files (a missing one grants nothing). */
    public static Range suggestion() {
        return suggestion(linesOf(SUBUID), linesOf(SUBGID));
    }

    private static List<String> linesOf(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * {@code lines} with {@code name}'s range set to {@code range}: its line added, an earlier one
     * for another range replaced, everybody else's left as they were.
     */
    public static List<String> reserved(List<String> lines, String name, Range range) {
        String line = name + ":" + range.start() + ":" + range.count();
        List<String> out = new ArrayList<>(lines);
        out.removeIf(l -> l.startsWith(name + ":") && !l.equals(line));
        if (!out.contains(line)) {
            out.add(line);
        }
        return out;
    }

    /**
     * Writes {@code range} for {@code name} in both files (as root), for a name no user has: no
     * namespace gets the range, but useradd and whoever reads the files see it taken.
     */
    public static void reserve(String name, Range range) throws IOException {
        for (Path file : List.of(SUBUID, SUBGID)) {
            List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
            List<String> wanted = reserved(lines, name, range);
            if (!wanted.equals(lines)) {
                Files.write(file, wanted);
            }
        }
    }

    /** The command (to run as root) that gives {@code user} the range {@code range} of both kinds. */
    public static String addCommand(Range range, String user) {
        return "usermod --add-subuids " + range.span() + " --add-subgids " + range.span() + " " + user;
    }
}
