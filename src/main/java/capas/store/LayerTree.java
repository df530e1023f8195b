package capas.store;

import capas.os.Entry;
import capas.os.PinnedPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one walk over a layer's {@code diff}: each entry classified against the layers below with
 * the rules of {@link Locator}. It serves both the layer explorer ({@link #read}) and
 * {@code podman diff} ({@link #changes}), so the two never disagree:
 *
 * <ul>
 * <li>a whiteout, in any form {@link Whiteouts} knows, is a deletion (D), listed under the name it
 *     deletes; the {@code .wh.*} marks themselves are never listed;</li>
 * <li>an entry some layer below also serves is a modification (C); anything else was added (A);</li>
 * <li>an opaque folder the layers below also have was deleted and made again: D, as
 *     {@code podman diff} says (containers/storage's native overlay diff); one they do not have
 *     is simply added. Either way what it holds is added (A), and what the layers below had in it
 *     is not listed: the opaque folder hides it;</li>
 * <li>under a folder no layer below has, everything is added;</li>
 * <li>an entry that vanishes between the folder's listing and its own lookup (a running
 *     container deleting it) is skipped, silently: it is no longer in the layer.</li>
 * </ul>
 *
 * <p>Never follows a symlink: the layer's folder is pinned by descriptor, and every entry is
 * opened relative to the descriptor of the folder above it ({@link PinnedPath#openAt}), without
 * following a symlink. A folder a running container swaps for a symlink is met as that symlink,
 * never walked through, so a root reader cannot be sent to the host's files.
 */
public final class LayerTree {
    /** Podman's "init inodes": mount points it creates in every container, which {@code podman diff} leaves out. */
    private static final Set<String> PODMAN_STUBS = Set.of("/dev", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/proc",
            "/run", "/run/notify", "/run/.containerenv", "/run/secrets", "/sys", "/etc/mtab");

    private final String layerId;
    private final Path diff;
    /** The layers below, with the same confined lookup as any question about a path. */
    private final Locator below;

    /**
     * @param layerIds a stack of layers, top first: the first is read, the rest are "below"
     */
    public LayerTree(Store store, List<String> layerIds) {
        this(layerIds.get(0), store.diffDir(layerIds.get(0)),
                new Locator(store, layerIds.subList(1, layerIds.size())));
    }

    private LayerTree(String layerId, Path diff, Locator below) {
        this.layerId = layerId;
        this.diff = diff;
        this.below = below;
    }

    /** A tree over any stack of folders, top first, named as {@link Locator#ofFolders}. */
    public static LayerTree ofFolders(List<String> names, List<Path> folders) {
        return new LayerTree(names.get(0), folders.get(0), Locator.ofFolders(names.subList(1, names.size()),
                folders.subList(1, folders.size())));
    }

    /** The first layer's entries, each with its A, C or D against the rest. */
    public LayerFiles read() {
        return new LayerFiles(layerId, walk().stream().map(Visit::entry).toList());
    }

    /**
     * The first layer's changes as {@code podman diff} lists them: the same entries as
     * {@link #read}, without the mount points podman creates in every container.
     */
    public List<Change> changes() {
        return walk().stream().filter(v -> !PODMAN_STUBS.contains(v.entry().path()))
                .map(v -> new Change(v.entry().kind(), v.entry().path(), v.host().toString())).toList();
    }

    /** One entry met by the walk, and where it is on the host (for a deletion, its whiteout). */
    private record Visit(LayerEntry entry, Path host) {
    }

    private List<Visit> walk() {
        List<Visit> visits = new ArrayList<>();
        try (PinnedPath top = PinnedPath.openDirectory(diff)) {
            walk(top, "", true, visits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return visits;
    }

    /**
     * Adds the entries under the pinned folder {@code dir} and returns their bytes.
     *
     * @param compare false when no layer below can have anything here (added or opaque folder)
     */
    private long walk(PinnedPath dir, String prefix, boolean compare, List<Visit> visits) throws IOException {
        long bytes = 0;
        for (Child child : list(dir)) {
            String path = prefix + "/" + child.name();
            Optional<PinnedPath> opened = dir.openAt(child.onDisk());
            if (opened.isEmpty()) {
                // Listed, then gone before it could be opened: it is no longer in the layer.
                continue;
            }
            try (PinnedPath pinned = opened.get()) {
                Entry e = pinned.stat();
                String type = EntryType.of(e);
                if (!child.name().equals(child.onDisk()) && !Whiteouts.isWhiteout(e)) {
                    // A .wh. name that deletes nothing (fuse-overlayfs's .wh..opq device): bookkeeping, not an entry.
                    continue;
                }
                if (Whiteouts.isWhiteout(e)) {
                    visits.add(new Visit(new LayerEntry(path, ChangeKind.D, false, false, type, 0), pinned.path()));
                    continue;
                }
                boolean present = compare && below.locate(path).state() == Location.State.PRESENT;
                if (!e.isDirectory()) {
                    visits.add(new Visit(new LayerEntry(path, present ? ChangeKind.C : ChangeKind.A, false, false, type, e.size()),
                            pinned.path()));
                    bytes += e.size();
                    continue;
                }
                boolean opaque = Whiteouts.isOpaque(pinned, e);
                ChangeKind kind = present ? (opaque ? ChangeKind.D : ChangeKind.C) : ChangeKind.A;
                int at = visits.size();
                visits.add(null);
                long inside = walk(pinned, path, present && !opaque, visits);
                visits.set(at, new Visit(new LayerEntry(path, kind, true, opaque, type, inside), pinned.path()));
                bytes += inside;
            }
        }
        return bytes;
    }

    /**
     * One entry of a folder.
     *
     * @param name   the name the container sees: for a {@code .wh.<name>} whiteout, the name it deletes
     * @param onDisk the name in the folder: the entry's own, or its {@code .wh.<name>} whiteout
     */
    private record Child(String name, String onDisk) {
    }

    /**
     * The entries of the pinned folder, sorted by name: marks that delete a name become that
     * name, the others ({@code .wh..wh..opq}, AUFS metadata) are left out, and a name the
     * folder holds itself wins over a mark for it.
     */
    private static List<Child> list(PinnedPath dir) throws IOException {
        List<String> names;
        try (Stream<Path> list = Files.list(dir.proc())) {
            names = list.map(p -> p.getFileName().toString()).toList();
        }
        Set<String> own = new HashSet<>();
        List<Child> children = new ArrayList<>();
        for (String name : names) {
            if (!Whiteouts.isMark(name)) {
                own.add(name);
                children.add(new Child(name, name));
            }
        }
        for (String name : names) {
            Whiteouts.deletedName(name).filter(deleted -> !own.contains(deleted)).ifPresent(deleted -> children.add(new Child(deleted, name)));
        }
        children.sort(Comparator.comparing(Child::name));
        return children;
    }
}
