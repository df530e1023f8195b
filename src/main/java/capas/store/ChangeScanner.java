package capas.store;

import capas.os.Entry;
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
        walk(upper, "", changes);
        return changes;
    }

    private void walk(Path dir, String prefix, List<Change> changes) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path child : children) {
            String path = prefix + "/" + child.getFileName();
            if (PODMAN_STUBS.contains(path)) {
                continue;
            }
            Entry entry = lstat(child);
            if (entry.isWhiteout()) {
                changes.add(new Change(ChangeKind.D, path, child.toString()));
                continue;
            }
            boolean inImage = image.locate(path).state() == Location.State.PRESENT;
            changes.add(new Change(inImage ? ChangeKind.C : ChangeKind.A, path, child.toString()));
            if (entry.isDirectory()) {
                walk(child, path, changes);
            }
        }
    }

    private static Entry lstat(Path path) {
        try {
            return Entry.lstat(path).orElseThrow(() -> new IOException("vanished: " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
