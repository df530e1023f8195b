package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.os.SubIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One range of subordinate ids a user has ({@link SubIds} reads them): the ids a rootless user
 * namespace gives to ids 1, 2, 3… inside. What the facade hands a notebook, and the refusal,
 * in Spanish, when there is none.
 *
 * @param start the first host id of the range
 * @param count how many ids it has
 */
public record SubIdRange(long start, long count) {
    private static final Messages M = Messages.of(SubIdRange.class);
    public static final Path SUBUID = SubIds.SUBUID;
    public static final Path SUBGID = SubIds.SUBGID;

    /** The last host id of the range. */
    public long end() {
        return start + count - 1;
    }

    /** The ranges of {@code file} for the user named {@code user} or numbered {@code id}, in file order. */
    public static List<SubIdRange> read(Path file, String user, long id) {
        List<SubIds.Range> ranges;
        try {
            ranges = SubIds.read(file, user, id);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("subid.unreadable", file), hint(file, user));
        }
        if (ranges.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("subid.none", file, user), hint(file, user));
        }
        return ranges.stream().map(r -> new SubIdRange(r.start(), r.count())).toList();
    }

    private static String hint(Path file, String user) {
        return M.get("subid.hint", file, user, SubIds.addCommand(SubIds.suggestion(), user));
    }

    /** Whether this machine takes subordinate ids from a directory service, where an empty file proves nothing. */
    public static boolean fromDirectoryService() {
        return SubIds.fromDirectoryService(SubIds.NSSWITCH);
    }
}
