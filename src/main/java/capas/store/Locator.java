package capas.store;

import capas.CapasException;
import capas.Messages;
import capas.os.Entry;
import capas.os.PinnedPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Answers "which layer serves this path?" the way overlayfs does, reading only the layers'
 * {@code diff} folders: the top-most layer that has the entry serves it; a whiteout hides the entry
 * in the layers below; an opaque directory hides everything below it, in any of the forms
 * {@link Whiteouts} knows. The marks themselves ({@code .wh.*}) are never found as entries.
 *
 * <p>Never follows a symlink on the host: each component is opened relative to the descriptor of
 * the folder above it ({@link PinnedPath#openAt}) and read through its own descriptor, and a
 * symlink met half-way is resolved as the container would see it, inside the container's root
 * (like a chroot), so a link to {@code /etc/shadow} or {@code ../../..} can never reach the
 * host's files. Descriptors rather than paths because this runs as root over the layers of
 * running containers: a process inside can swap a folder for a symlink between two path lookups.
 */
public final class Locator {
    private static final Messages M = Messages.of(Locator.class);
    /** Linux's own limit of symlinks followed in one lookup. */
    private static final int MAX_SYMLINKS = 40;

    private final List<String> layerIds;
    private final List<Path> diffs;

    /** @param layerIds the container's layers, top first (its own layer, then the image's) */
    public Locator(Store store, List<String> layerIds) {
        this(layerIds, layerIds.stream().map(store::diffDir).toList());
    }

    private Locator(List<String> layerIds, List<Path> diffs) {
        if (layerIds.size() != diffs.size()) {
            throw new IllegalArgumentException(layerIds.size() + " names for " + diffs.size() + " folders");
        }
        this.layerIds = List.copyOf(layerIds);
        this.diffs = List.copyOf(diffs);
    }

    /**
     * A locator over any stack of folders, top first: a hand-made overlay's {@code upperdir}
     * and {@code lowerdir}s, with the same rules as a container's layers.
     *
     * @param names   what to call each folder in the answer ({@link Location#layerId()})
     * @param folders the folders, top first (upper, then the lowers from left to right)
     */
    public static Locator ofFolders(List<String> names, List<Path> folders) {
        return new Locator(names, folders);
    }

    public static Locator forContainer(Store store, Container container) {
        return new Locator(store, store.containerLayers(container).stream().map(Layer::id).toList());
    }

    public Location locate(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("path.relative", path));
        }
        Deque<String> components = split(path);
        for (int hops = 0; hops <= MAX_SYMLINKS; hops++) {
            Lookup lookup = lookup(new ArrayList<>(components));
            if (lookup.symlinkAt < 0) {
                return lookup.toLocation(path, join(components));
            }
            // A symlink in the middle of the path: the container follows it within its own root.
            components = followSymlink(components, lookup.symlinkAt, lookup.symlinkTarget);
        }
        throw new CapasException(CapasException.Kind.NOT_FOUND, M.get("path.loop", path));
    }

    /** One pass down the layers for fixed components (no symlink resolution). */
    private Lookup lookup(List<String> components) {
        try {
            int opaqueDepthLimit = Integer.MAX_VALUE;
            for (int depth = 0; depth < diffs.size(); depth++) {
                Optional<PinnedPath> layer = openLayer(depth);
                if (layer.isEmpty()) {
                    continue;
                }
                // Every descriptor this layer's walk opens, closed when it is done with the layer.
                Deque<PinnedPath> held = new ArrayDeque<>(List.of(layer.get()));
                try {
                    for (int i = 0; i < components.size(); i++) {
                        // One name relative to the folder already pinned: a folder swapped for a symlink
                        // meanwhile is met as that symlink, never walked through onto the host.
                        String name = components.get(i);
                        if (Whiteouts.isMark(name)) {
                            // A mark is never an entry of the container: nothing of that name is there to find.
                            return Lookup.absent();
                        }
                        Optional<PinnedPath> next = held.peekLast().openAt(name);
                        if (next.isEmpty()) {
                            // Deleted in the .wh.<name> form? Else this layer has nothing here.
                            Optional<PinnedPath> mark = held.peekLast().openAt(Whiteouts.markFor(name));
                            if (mark.isPresent()) {
                                held.addLast(mark.get());
                                return Lookup.deleted(depth, layerIds.get(depth), mark.get().stat());
                            }
                            break;
                        }
                        PinnedPath pinned = next.get();
                        held.addLast(pinned);
                        Entry e = pinned.stat();
                        if (Whiteouts.isWhiteout(e)) {
                            return Lookup.deleted(depth, layerIds.get(depth), e);
                        }
                        if (i == components.size() - 1) {
                            return Lookup.found(depth, layerIds.get(depth), e);
                        }
                        if (e.isSymlink()) {
                            return Lookup.symlink(i, pinned.readLink());
                        }
                        if (!e.isDirectory()) {
                            return Lookup.absent();
                        }
                        if (Whiteouts.isOpaque(pinned, e)) {
                            // Lower layers cannot contribute anything under this directory.
                            opaqueDepthLimit = Math.min(opaqueDepthLimit, depth);
                        }
                    }
                    if (components.isEmpty() && depth == diffs.size() - 1) {
                        // "/" itself: the bottom layer's folder, as overlayfs shows the lowest root.
                        return Lookup.found(depth, layerIds.get(depth), held.peekLast().stat());
                    }
                } finally {
                    held.forEach(PinnedPath::close);
                }
                if (opaqueDepthLimit <= depth) {
                    return Lookup.absent();
                }
            }
            return Lookup.absent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The layer's folder pinned, or empty when it is missing (it then contributes nothing, as before any walk). */
    private Optional<PinnedPath> openLayer(int depth) throws IOException {
        try {
            return Optional.of(PinnedPath.openDirectory(diffs.get(depth)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static Deque<String> followSymlink(Deque<String> components, int at, String target) {
        List<String> list = new ArrayList<>(components);
        Deque<String> next = new ArrayDeque<>();
        if (!target.startsWith("/")) {
            next.addAll(list.subList(0, at));
        }
        for (String part : target.split("/")) {
            push(next, part);
        }
        for (String rest : list.subList(at + 1, list.size())) {
            push(next, rest);
        }
        return next;
    }

    /** Adds one component; {@code ..} at the root stays at the root, as in a chroot. */
    private static void push(Deque<String> path, String part) {
        if (part.isEmpty() || part.equals(".")) {
            return;
        }
        if (part.equals("..")) {
            path.pollLast();
        } else {
            path.addLast(part);
        }
    }

    private static Deque<String> split(String path) {
        Deque<String> components = new ArrayDeque<>();
        for (String part : path.split("/")) {
            push(components, part);
        }
        return components;
    }

    private static String join(Deque<String> components) {
        return "/" + String.join("/", components);
    }

    private record Lookup(Location.State state, int depth, String layerId, Entry entry, int symlinkAt, String symlinkTarget) {
        static Lookup found(int depth, String layerId, Entry entry) {
            return new Lookup(Location.State.PRESENT, depth, layerId, entry, -1, null);
        }

        static Lookup deleted(int depth, String layerId, Entry entry) {
            return new Lookup(Location.State.DELETED, depth, layerId, entry, -1, null);
        }

        static Lookup absent() {
            return new Lookup(Location.State.ABSENT, -1, null, null, -1, null);
        }

        static Lookup symlink(int at, String target) {
            return new Lookup(null, -1, null, null, at, target);
        }

        Location toLocation(String asked, String resolved) {
            if (entry == null) {
                return new Location(asked, resolved, state, null, -1, null, null, 0, -1, -1);
            }
            return new Location(asked, resolved, state, layerId, depth, entry.path().toString(), EntryType.of(entry), entry.size(),
                    entry.uid(), entry.gid());
        }
    }
}
