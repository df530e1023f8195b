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
import java.util.Set;
import java.util.stream.Stream;

/**
 * A container's changes, read from its upper layer: a whiteout is a deletion; an entry the
 * image also has is a change; anything else was added. Like {@code podman diff}, the stubs
 * podman itself creates as mount points ({@code /etc/hosts}, {@code /run}…) are left out.
 */
public final class ChangeScanner {
    private static final Messages M = Messages.of(ChangeScanner.class);
    /** Podman's "init inodes": mount points it creates in every container, not the container's own changes. */
    private static final Set<String> PODMAN_STUBS = Set.of("/dev", "/etc/hostname", "/etc/hosts", "/etc/resolv.conf", "/proc",
            "/run", "/run/notify", "/run/.containerenv", "/run/secrets", "/sys", "/etc/mtab");

    private final Path upper;
    /** Looks paths up in the image's layers only, with the same confined walk as any lookup. */
    private final Locator image;

    /** @param layerIds the container's layers, top (its own) first */
    public ChangeScanner(Store store, List<String> layerIds) {
        this.upper = store.diffDir(layerIds.get(0));
        this.image = new Locator(store, layerIds.subList(1, layerIds.size()));
    }

    public static ChangeScanner forContainer(Store store, Container container) {
        return new ChangeScanner(store, store.containerLayers(container).stream().map(Layer::id).toList());
    }

    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        Path realUpper;
        try {
            realUpper = upper.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        walk(upper, realUpper, "", changes);
        return changes;
    }

    /** One entry of a folder, as lstat saw it while the folder was pinned. */
    private record Child(String name, Entry entry) {
    }

    private void walk(Path dir, Path realDir, String prefix, List<Change> changes) {
        for (Child child : list(dir, realDir)) {
            String path = prefix + "/" + child.name();
            if (PODMAN_STUBS.contains(path)) {
                continue;
            }
            Path host = dir.resolve(child.name());
            if (child.entry().isWhiteout()) {
                changes.add(new Change(ChangeKind.D, path, host.toString()));
                continue;
            }
            boolean inImage = image.locate(path).state() == Location.State.PRESENT;
            changes.add(new Change(inImage ? ChangeKind.C : ChangeKind.A, path, host.toString()));
            if (child.entry().isDirectory()) {
                walk(host, realDir.resolve(child.name()), path, changes);
            }
        }
    }

    /**
     * The entries of {@code dir}, listed through a descriptor pinned where {@code realDir} is: a
     * running container that swaps a folder of its layer for a symlink cannot send this walk,
     * which runs as root, through the rest of the host.
     */
    private static List<Child> list(Path dir, Path realDir) {
        List<Child> children = new ArrayList<>();
        try (PinnedPath pinned = PinnedPath.open(dir)) {
            if (!pinned.real().equals(realDir)) {
                throw new CapasException(CapasException.Kind.OUTSIDE_STORE, M.get("changes.swapped", dir));
            }
            try (Stream<Path> list = Files.list(pinned.proc())) {
                for (Path entry : list.sorted().toList()) {
                    children.add(new Child(entry.getFileName().toString(), lstat(entry)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return children;
    }

    private static Entry lstat(Path path) {
        try {
            return Entry.lstat(path).orElseThrow(() -> new IOException("vanished: " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
