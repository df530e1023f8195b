package capas.store;

import capas.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A user namespace's id map ({@code /proc/<pid>/uid_map} or {@code gid_map}): each range says
 * that ids {@code inside..inside+count-1} of the namespace are {@code outside..} on the host.
 *
 * @param ranges the map's lines, in order
 */
public record IdMap(List<Range> ranges) {
    private static final Messages M = Messages.of(IdMap.class);
    /** The calling process's user namespace: its uid map. */
    public static final Path SELF_UID_MAP = Path.of("/proc/self/uid_map");
    /** The calling process's user namespace: its gid map (newgidmap writes it apart from the uid map). */
    public static final Path SELF_GID_MAP = Path.of("/proc/self/gid_map");
    /** The map of the initial namespace: every id is itself (what rootful sees). */
    public static final IdMap IDENTITY = parse("0 0 4294967295");

    /**
     * One line of the map.
     *
     * @param inside  first id inside the namespace
     * @param outside first id on the host
     * @param count   how many ids follow
     */
    public record Range(long inside, long outside, long count) {
    }

    public IdMap {
        ranges = List.copyOf(ranges);
    }

    public static IdMap read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IdMap parse(String text) {
        List<Range> ranges = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 3) {
                ranges.add(new Range(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])));
            }
        }
        return new IdMap(ranges);
    }

    /** The host id of container id {@code inside}, if the map covers it. */
    public OptionalLong hostId(long inside) {
        for (Range r : ranges) {
            if (inside >= r.inside() && inside < r.inside() + r.count()) {
                return OptionalLong.of(r.outside() + inside - r.inside());
            }
        }
        return OptionalLong.empty();
    }

    /** The container id of host id {@code outside}, if the map covers it. */
    public OptionalLong containerId(long outside) {
        for (Range r : ranges) {
            if (outside >= r.outside() && outside < r.outside() + r.count()) {
                return OptionalLong.of(r.inside() + outside - r.outside());
            }
        }
        return OptionalLong.empty();
    }

    /** Like {@link #hostId}, or -1 (the kernel's "nobody" overflow id shows as 65534). */
    public long toHost(long inside) {
        return hostId(inside).orElse(-1);
    }

    /** Like {@link #containerId}, or -1 when the host id has no name inside. */
    public long toContainer(long outside) {
        return containerId(outside).orElse(-1);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(M.get("idmap.header")).append('\n');
        for (Range r : ranges) {
            text.append(M.get("idmap.row", r.inside(), r.inside() + r.count() - 1, r.outside(), r.outside() + r.count() - 1, r.count())).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
