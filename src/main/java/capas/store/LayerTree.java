package capas.store;

import capas.CapasException;
import capas.Messages;
import capas.os.Entry;
import capas.os.PinnedPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads one layer's {@code diff} and classifies each entry against the layers below, with the
 * rules of {@link Locator}: a whiteout is a deletion (D); an entry some layer below also serves
 * is a modification (C); anything else was added (A). Under a folder no layer below has, or
 * under an opaque folder, everything is added: the layers below cannot contribute there.
 *
 * <p>Like {@link ChangeScanner}, the walk never follows a symlink: each folder is listed through
 * a descriptor pinned at its real place, so a layer cannot send a root reader elsewhere.
 */
public final class LayerTree {
    private static final Messages M = Messages.of(LayerTree.class);

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
        List<LayerEntry> entries = new ArrayList<>();
        try {
            walk(diff, diff.toRealPath(), "", true, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LayerFiles(layerId, entries);
    }

    /**
     * Adds the entries under {@code dir} and returns their bytes.
     *
     * @param compare false when no layer below can have anything here (added or opaque folder)
     */
    private long walk(Path dir, Path realDir, String prefix, boolean compare, List<LayerEntry> entries) {
        long bytes = 0;
        for (Child child : list(dir, realDir)) {
            String path = prefix + "/" + child.name();
            Entry e = child.entry();
            if (e.isWhiteout()) {
                entries.add(new LayerEntry(path, ChangeKind.D, false, false, EntryType.of(e), 0));
                continue;
            }
            boolean present = compare && below.locate(path).state() == Location.State.PRESENT;
            ChangeKind kind = present ? ChangeKind.C : ChangeKind.A;
            if (!e.isDirectory()) {
                entries.add(new LayerEntry(path, kind, false, false, EntryType.of(e), e.size()));
                bytes += e.size();
                continue;
            }
            boolean opaque = child.opaque();
            int at = entries.size();
            entries.add(null);
            long inside = walk(dir.resolve(child.name()), realDir.resolve(child.name()), path, present && !opaque, entries);
            entries.set(at, new LayerEntry(path, kind, true, opaque, EntryType.of(e), inside));
            bytes += inside;
        }
        return bytes;
    }

    /** One entry of a folder, as lstat saw it while the folder was pinned. */
    private record Child(String name, Entry entry, boolean opaque) {
    }

    /** The entries of {@code dir}, listed through a descriptor pinned where {@code realDir} is. */
    private static List<Child> list(Path dir, Path realDir) {
        List<Child> children = new ArrayList<>();
        try (PinnedPath pinned = PinnedPath.open(dir)) {
            if (!pinned.real().equals(realDir)) {
                throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("tree.swapped", dir));
            }
            try (Stream<Path> list = Files.list(pinned.proc())) {
                for (Path entry : list.sorted().toList()) {
                    // The xattr is read now, while the folder is pinned: the entry's path goes through its descriptor.
                    Entry.lstat(entry).ifPresent(e -> children.add(new Child(entry.getFileName().toString(), e, e.isOpaque())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return children;
    }
}
