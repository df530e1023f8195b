package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.os.Entry;
import capas.os.Posix;
import capas.render.Displayable;
import capas.render.Highlight;
import capas.render.LayerBox;
import capas.render.StackDiagram;
import capas.store.Location;
import capas.store.Locator;
import capas.store.Whiteouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An overlay mounted by hand ({@code mount -t overlay … -o lowerdir=…,upperdir=…,workdir=…}),
 * read from its folders with the same {@link Locator} that answers for containers: which folder
 * serves a path of {@code merged}, and the stack drawn like a container's.
 *
 * <p>Reads only the folders, never {@code merged}, and never follows a symlink out of them (the
 * folders themselves must be real directories, not links). What it cannot see without root: an
 * overlay mounted as root marks its opaque directories with {@code trusted.overlay.opaque}, which
 * only root can read; as an unprivileged user it sees whiteouts (plain character devices 0:0) and
 * the {@code user.overlay.opaque} marks of an overlay mounted in a user namespace
 * ({@code userxattr}), but not the opaque directories of a rootful one ({@link #seesTrustedMarks()}).
 */
public final class HandOverlay implements Displayable {
    private static final Messages M = Messages.of(HandOverlay.class);

    private final Path merged;
    private final Path work;
    private final List<Path> folders;
    private final List<String> names;
    private final Locator locator;

    private HandOverlay(Path merged, Path upper, Path work, List<Path> lowers) {
        if (lowers.isEmpty()) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("hand.no.lower"));
        }
        this.merged = merged.toAbsolutePath().normalize();
        this.work = work == null ? null : work.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>();
        all.add(upper);
        all.addAll(lowers);
        this.folders = all.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path folder : folders) {
            requireDirectory(folder);
        }
        this.names = new ArrayList<>();
        for (Path folder : folders) {
            String name = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
            names.add(names.contains(name) ? name + " (" + (names.size() + 1) + ")" : name);
        }
        this.locator = Locator.ofFolders(names, folders);
    }

    /**
     * @param merged the mount point
     * @param upper  {@code upperdir}
     * @param work   {@code workdir}, or {@code null}
     * @param lowers the {@code lowerdir}s in the order of the mount option: the leftmost is on top
     */
    public static HandOverlay of(Path merged, Path upper, Path work, Path... lowers) {
        return new HandOverlay(merged, upper, work, List.of(lowers));
    }

    /** The usual layout of the lesson: {@code lower}, {@code upper}, {@code work} and {@code merged} inside {@code dir}. */
    public static HandOverlay in(Path dir) {
        return of(dir.resolve("merged"), dir.resolve("upper"), dir.resolve("work"), dir.resolve("lower"));
    }

    private static void requireDirectory(Path folder) {
        Optional<Entry> entry;
        try {
            entry = Entry.lstat(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entry.isEmpty() || !entry.get().isDirectory()) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("hand.not.dir", folder));
        }
    }

    /** Which folder serves {@code path} (a path of {@code merged}, from its root: {@code /f3}). */
    public OverlayLocation locate(String path) {
        Location where = locator.locate(path);
        return new OverlayLocation(path, where.state(), where.layerId(), where.host(), where.type(),
                where.layerId() == null ? null : folders.get(where.depth()));
    }

    /**
     * Whether {@code path} is an opaque directory in {@code upperdir}, as far as this process can
     * read its marks. The path is resolved by the locator (symlinks followed inside the overlay,
     * never on the host), so the mark read is always that of an entry inside {@code upperdir}.
     */
    public boolean isOpaque(String path) {
        OverlayLocation where = locate(path);
        if (!where.present() || !upper().equals(where.folder())) {
            return false;
        }
        try {
            return Whiteouts.isOpaque(where.host());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this process can read {@code trusted.*} marks (the opaque directories of an overlay mounted as root): only root can. */
    public boolean seesTrustedMarks() {
        return Posix.isRoot();
    }

    public Path merged() {
        return merged;
    }

    public Path upper() {
        return folders.get(0);
    }

    public Path work() {
        return work;
    }

    /** The {@code lowerdir}s, top first (the leftmost of the mount option first). */
    public List<Path> lowers() {
        return folders.subList(1, folders.size());
    }

    /** Whether {@code merged} is an overlay mount point in this process's mount namespace. */
    public boolean isMounted() {
        return Posix.isOverlay(merged);
    }

    /** The stack, drawn like a container's: {@code upperdir} on top, then each {@code lowerdir}. */
    public StackDiagram diagram() {
        return diagram(null);
    }

    /** The stack with the folder that serves {@code path} marked (or its whiteout, when deleted). */
    public StackDiagram diagram(String path) {
        List<LayerBox> boxes = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            String label = i == 0 ? M.get("hand.box.upper", names.get(0))
                    : M.get("hand.box.lower", lowers().size() == 1 ? "" : " " + i, names.get(i));
            boxes.add(new LayerBox(names.get(i), i == 0, null, folders.get(i).toString(), null, label));
        }
        Highlight highlight = null;
        if (path != null) {
            OverlayLocation where = locate(path);
            if (where.state() != Location.State.ABSENT) {
                highlight = new Highlight(path, where.layer(), where.host().toString(), where.state() == Location.State.DELETED);
            }
        }
        return StackDiagram.handMade(M.get("hand.title", merged), boxes, merged.toString(), isMounted(),
                work == null ? null : work.toString(), highlight);
    }

    @Override
    public Map<String, String> toMimeBundle() {
        return diagram().toMimeBundle();
    }

    @Override
    public String toString() {
        return diagram().description();
    }
}
