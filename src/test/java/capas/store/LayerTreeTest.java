package capas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import capas.CapasException;
import capas.Mode;
import capas.os.SymlinkSwapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void anOpaqueFolderHidesTheLayersBelowSoWhatItHoldsIsAdded() throws Exception {
        Path www = Files.createDirectories(store.diffDir("top").resolve("var/www"));
        Files.writeString(www.resolve("index.html"), "nuevo");
        Files.getFileAttributeView(www, UserDefinedFileAttributeView.class)
                .write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.UTF_8)));

        LayerFiles top = new LayerTree(store, List.of("top", "middle", "base")).read();

        // index.html exists in "middle", but the opaque folder hides it: this copy is new, not a copy-up.
        assertThat(lines(top)).contains("C /var/www (opaca) 5", "A /var/www/index.html 5");
    }

    @Test
    void aWhiteoutIsADeletion() throws Exception {
        Path whiteout = store.diffDir("top").resolve("bin/busybox");
        Files.createDirectories(whiteout.getParent());
        int rc = new ProcessBuilder("mknod", whiteout.toString(), "c", "0", "0").start().waitFor();
        assumeTrue(rc == 0, "mknod needs root");

        LayerFiles top = new LayerTree(store, List.of("top", "middle", "base")).read();

        assertThat(lines(top)).contains("C /bin 0", "D /bin/busybox 0");
        assertThat(top.entries()).filteredOn(e -> e.kind() == ChangeKind.D).extracting(LayerEntry::type).containsExactly("whiteout");
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
        SymlinkSwapper.race(usr, outside, 5_000,
                () -> assertThat(tree.read().entries()).extracting(LayerEntry::path).doesNotContain("/usr/secreto.txt"),
                CapasException.class, java.io.UncheckedIOException.class);
    }
}
