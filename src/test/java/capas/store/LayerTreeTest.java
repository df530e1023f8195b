package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.os.SymlinkSwapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each layer's files against the layers below, on small built trees: "top" over "middle" over "base". */
class LayerTreeTest {
    @TempDir
    Path root;
    private Store store;

    @BeforeEach
    void layers() throws Exception {
        store = new Store(Mode.ROOTLESS, root.toString(), List.of(), List.of(), List.of(), Map.of());
        for (String layer : List.of("top", "middle", "base")) {
            Files.createDirectories(store.diffDir(layer));
        }
        write("base", "bin/busybox", "elf");
        write("base", "etc/passwd", "root:x:0:0");
        write("base", "var/www/old.html", "<p>");
        write("middle", "var/www/index.html", "<h1>");
        write("top", "etc/passwd", "root:x:0:0\nalumno");
        write("top", "usr/local/bin/tool", "#!/bin/sh");
    }

    private void write(String layer, String path, String text) throws Exception {
        Path file = store.diffDir(layer).resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> lines(LayerFiles files) {
        return files.entries().stream().map(e -> e.kind() + " " + e.path() + (e.opaque() ? " (opaca)" : "") + " " + e.size()).toList();
    }

    @Test
    void eachEntryIsAddedOrModifiedAgainstTheLayersBelow() {
        LayerFiles top = new LayerTree(store, List.of("top", "middle", "base")).read();

        assertThat(top.layerId()).isEqualTo("top");
        assertThat(lines(top)).containsExactly("C /etc 17", "C /etc/passwd 17", "A /usr 9", "A /usr/local 9", "A /usr/local/bin 9",
                "A /usr/local/bin/tool 9");
        assertThat(top.size()).isEqualTo(26);
        assertThat(top.count(ChangeKind.A)).isEqualTo(4);
    }

    @Test
    void aFolderTheLayersBelowAlreadyHaveIsModifiedAndItsNewFilesAdded() {
        LayerFiles middle = new LayerTree(store, List.of("middle", "base")).read();

        assertThat(lines(middle)).containsExactly("C /var 4", "C /var/www 4", "A /var/www/index.html 4");
    }

    @Test
    void theBaseLayerAddsEverything() {
        LayerFiles base = new LayerTree(store, List.of("base")).read();

        assertThat(base.entries()).allMatch(e -> e.kind() == ChangeKind.A);
        assertThat(base.entries()).extracting(LayerEntry::path)
                .containsExactly("/bin", "/bin/busybox", "/etc", "/etc/passwd", "/var", "/var/www", "/var/www/old.html");
    }

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#whiteoutForms")
    void aWhiteoutIsADeletionInEitherFormAndItsMarkIsNeverListed(String form) throws Exception {
        OverlayMarks.whiteout(store.diffDir("top").resolve("bin/busybox"), form);
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));

        LayerFiles top = tree.read();

        assertThat(lines(top)).contains("C /bin 0", "D /bin/busybox 0");
        assertThat(top.entries()).filteredOn(e -> e.kind() == ChangeKind.D).extracting(LayerEntry::type).containsExactly("whiteout");
        assertThat(top.entries()).extracting(LayerEntry::path).noneMatch(p -> p.contains(".wh."));
        Change deleted = tree.changes().stream().filter(c -> c.path().equals("/bin/busybox")).findFirst().orElseThrow();
        assertThat(deleted.kind()).isEqualTo(ChangeKind.D);
        assertThat(Path.of(deleted.hostPath())).isEqualTo(store.diffDir("top").resolve(form.equals("device") ? "bin/busybox" : "bin/.wh.busybox"));
        assertSameAnswers(tree);
    }

    @Test
    void aFolderDeletedByAMarkIsOneDeletion() throws Exception {
        OverlayMarks.whiteout(store.diffDir("top").resolve("var/www"), "file");
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));

        assertThat(lines(tree.read())).contains("C /var 0", "D /var/www 0").noneMatch(l -> l.contains("old.html") || l.contains("index.html"));
        assertSameAnswers(tree);
    }

    @Test
    void anEntryOfTheLayerWinsOverAMarkForItsOwnName() throws Exception {
        Files.createFile(store.diffDir("top").resolve("etc/.wh.passwd"));

        assertThat(lines(new LayerTree(store, List.of("top", "middle", "base")).read())).contains("C /etc/passwd 17")
                .doesNotContain("D /etc/passwd 0");
    }

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#opaqueForms")
    void anOpaqueFolderThatReplacesOneBelowIsDeletedAndWhatItHoldsAdded(String form) throws Exception {
        Path www = store.diffDir("top").resolve("var/www");
        OverlayMarks.opaque(www, form);
        Files.writeString(www.resolve("index.html"), "nuevo");
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));

        // podman diff: "D /var/www" (the old folder, with old.html and index.html, is gone), then what the new one holds.
        assertThat(lines(tree.read())).containsSequence("C /var 5", "D /var/www (opaca) 5", "A /var/www/index.html 5")
                .noneMatch(l -> l.contains("old.html") || l.contains(".wh."));
        assertThat(tree.changes()).extracting(Change::toString).containsSequence("C /var", "D /var/www", "A /var/www/index.html");
        assertSameAnswers(tree);
    }

    @Test
    void aFolderFuseOverlayfsMadeOpaqueListsNoneOfItsMarks() throws Exception {
        // As fuse-overlayfs 1.10 leaves it after rm -r and mkdir: the attribute, the .wh..wh..opq file and a .wh..opq device.
        Path www = store.diffDir("top").resolve("var/www");
        OverlayMarks.opaque(www, "user.fuseoverlayfs.opaque");
        OverlayMarks.opaque(www, ".wh..wh..opq");
        OverlayMarks.whiteout(www.resolve(".wh..opq"), "device");
        Files.writeString(www.resolve("index.html"), "nuevo");
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));

        assertThat(lines(tree.read())).containsSequence("C /var 5", "D /var/www (opaca) 5", "A /var/www/index.html 5")
                .noneMatch(l -> l.contains("opq"));
        assertThat(tree.changes()).extracting(Change::toString).containsSequence("C /var", "D /var/www", "A /var/www/index.html")
                .noneMatch(l -> l.contains("opq"));
        assertSameAnswers(tree);
    }

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#opaqueForms")
    void anOpaqueFolderNoLayerBelowHasIsAdded(String form) throws Exception {
        OverlayMarks.opaque(store.diffDir("top").resolve("etc/nueva"), form);
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));

        assertThat(lines(tree.read())).contains("A /etc/nueva (opaca) 0");
        assertThat(tree.changes()).extracting(Change::toString).contains("A /etc/nueva");
        assertSameAnswers(tree);
    }

    @Test
    void changesLeaveOutTheMountPointsPodmanMakesAsPodmanDiffDoes() throws Exception {
        write("top", "etc/hosts", "127.0.0.1");
        write("top", "run/.containerenv", "");
        write("top", "run/lock/mio", "1");
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));

        assertThat(tree.changes()).extracting(Change::path).doesNotContain("/etc/hosts", "/run", "/run/.containerenv")
                .contains("/etc/passwd", "/run/lock", "/run/lock/mio");
        assertThat(tree.read().entries()).extracting(LayerEntry::path).contains("/etc/hosts", "/run", "/run/.containerenv");
    }

    @Test
    void anEntryThatVanishesMidWalkIsSkippedSilently() throws Exception {
        Path busy = Files.createDirectories(store.diffDir("top").resolve("tmp/ocupada"));
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong churned = new AtomicLong();
        // A running container creating and deleting files as fast as it can: the walk lists some that are gone when it opens them.
        Thread churn = new Thread(() -> {
            try {
                while (!stop.get()) {
                    for (int i = 0; i < 50; i++) {
                        Files.writeString(busy.resolve("f" + i), "x");
                        Files.createDirectories(busy.resolve("d" + i + "/dentro"));
                    }
                    for (int i = 0; i < 50; i++) {
                        Files.delete(busy.resolve("f" + i));
                        Files.delete(busy.resolve("d" + i + "/dentro"));
                        Files.delete(busy.resolve("d" + i));
                    }
                    churned.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        churn.start();
        try {
            for (int round = 0; round < 300; round++) {
                assertThat(tree.read().entries()).extracting(LayerEntry::path).contains("/tmp/ocupada", "/etc/passwd");
                assertThat(tree.changes()).extracting(Change::path).contains("/tmp/ocupada", "/etc/passwd");
            }
        } finally {
            stop.set(true);
            churn.join();
        }
        assertThat(churned.get()).as("rounds of churn while the walk ran").isPositive();
    }

    @Test
    void aSymlinkInTheLayerIsListedNeverFollowed() throws Exception {
        Files.createSymbolicLink(store.diffDir("top").resolve("usr/hostetc"), Path.of("/etc"));
        Files.createSymbolicLink(store.diffDir("top").resolve("usr/up"), Path.of("../../../../../../.."));

        LayerFiles top = new LayerTree(store, List.of("top", "middle", "base")).read();

        assertThat(top.entries()).filteredOn(e -> e.path().startsWith("/usr/hostetc") || e.path().startsWith("/usr/up"))
                .extracting(e -> e.path() + " " + e.type() + " " + e.directory())
                .containsExactly("/usr/hostetc enlace simbólico false", "/usr/up enlace simbólico false");
    }

    @Test
    void anyStackOfFoldersCanBeRead() {
        LayerFiles upper = LayerTree.ofFolders(List.of("upper", "lower"), List.of(store.diffDir("top"), store.diffDir("base"))).read();

        assertThat(upper.layerId()).isEqualTo("upper");
        assertThat(lines(upper)).startsWith("C /etc 17", "C /etc/passwd 17");
    }

    @Test
    void theWalkNeverWandersOutOfTheLayerWhenAFolderIsSwappedForASymlink() throws Exception {
        Path usr = store.diffDir("top").resolve("usr");
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-fuera"));
        Files.writeString(outside.resolve("secreto.txt"), "SECRETO");
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));
        SymlinkSwapper.race(usr, outside, 2_000, () -> {
            List<LayerEntry> entries = tree.read().entries();
            assertThat(entries).extracting(LayerEntry::path).doesNotContain("/usr/secreto.txt");
            metTheSwap(entries.stream().anyMatch(e -> e.path().equals("/usr") && e.directory()));
        }, MetTheSwap.class);
    }

    @Test
    void changesNeverWanderOutOfTheLayerWhenAFolderIsSwappedForASymlink() throws Exception {
        Path usr = store.diffDir("top").resolve("usr");
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-fuera"));
        Files.writeString(outside.resolve("secreto.txt"), "SECRETO");
        LayerTree tree = new LayerTree(store, List.of("top", "middle", "base"));
        SymlinkSwapper.race(usr, outside, 2_000, () -> {
            List<Change> changes = tree.changes();
            assertThat(changes).extracting(Change::path).doesNotContain("/usr/secreto.txt");
            metTheSwap(changes.stream().anyMatch(c -> c.path().equals("/usr/local")));
        }, MetTheSwap.class);
    }

    /** The walk met /usr as the swapper's symlink (or between its moves): listed as such, never followed. */
    private static final class MetTheSwap extends Exception {
    }

    private static void metTheSwap(boolean sawTheRealFolder) throws MetTheSwap {
        if (!sawTheRealFolder) {
            throw new MetTheSwap();
        }
    }

    /** The explorer and the changes are one walk: every change is the explorer's entry with the same letter. */
    private static void assertSameAnswers(LayerTree tree) {
        assertThat(tree.changes()).extracting(Change::toString)
                .isEqualTo(tree.read().entries().stream().map(e -> e.kind() + " " + e.path()).toList());
    }
}
