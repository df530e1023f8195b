package capas.store;

import capas.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import capas.CapasException;
import capas.os.Entry;
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

/**
 * Overlay rules on small layer trees: "upper" is the container layer, "middle" and "base" the
 * image's. Whiteouts need mknod (root): skipped here otherwise, and covered by the podman ITs.
 */
class LocatorTest {
    @TempDir
    Path root;
    private Store store;
    private Locator locator;

    @BeforeEach
    void layers() throws Exception {
        store = new Store(Mode.ROOTLESS, root.toString(), List.of(), List.of(), List.of(), Map.of());
        for (String layer : List.of("upper", "middle", "base")) {
            Files.createDirectories(store.diffDir(layer));
        }
        locator = new Locator(store, List.of("upper", "middle", "base"));
        write("base", "bin/busybox", "elf");
        write("base", "etc/passwd", "root:x:0:0");
        write("middle", "var/www/index.html", "<h1>");
        write("upper", "etc/passwd", "root:x:0:0\nalumno");
        write("upper", "tmp/tmpfile.txt", "Ejemplo Podman");
    }

    private Path write(String layer, String path, String text) throws Exception {
        Path file = store.diffDir(layer).resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aFileTheContainerWroteIsInTheContainerLayer() {
        Location where = locator.locate("/tmp/tmpfile.txt");

        assertThat(where.state()).isEqualTo(Location.State.PRESENT);
        assertThat(where.inContainerLayer()).isTrue();
        assertThat(where.layerId()).isEqualTo("upper");
        assertThat(where.host()).isEqualTo(store.diffDir("upper").resolve("tmp/tmpfile.txt"));
    }

    @Test
    void aFileOnlyTheImageHasIsInTheImageLayerThatAddedIt() {
        assertThat(locator.locate("/var/www/index.html").layerId()).isEqualTo("middle");
        assertThat(locator.locate("/bin/busybox").layerId()).isEqualTo("base");
        assertThat(locator.locate("/bin/busybox").depth()).isEqualTo(2);
    }

    @Test
    void aCopiedUpFileIsServedByTheTopmostLayer() {
        assertThat(locator.locate("/etc/passwd").layerId()).isEqualTo("upper");
    }

    @Test
    void whatNoLayerHasIsAbsent() {
        assertThat(locator.locate("/etc/shadow").state()).isEqualTo(Location.State.ABSENT);
        assertThat(locator.locate("/etc/shadow").toString()).contains("no está en ninguna capa");
    }

    @Test
    void anOpaqueDirectoryHidesTheLayersBelow() throws Exception {
        Path www = Files.createDirectories(store.diffDir("upper").resolve("var/www"));
        Files.getFileAttributeView(www, UserDefinedFileAttributeView.class)
                .write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.UTF_8)));

        assertThat(locator.locate("/var/www/index.html").state()).isEqualTo(Location.State.ABSENT);
        assertThat(locator.locate("/bin/busybox").layerId()).isEqualTo("base");
    }

    @Test
    void aSymlinkToAHostFileIsResolvedInsideTheContainerNeverOnTheHost() throws Exception {
        Path link = store.diffDir("upper").resolve("tmp/sombra");
        Files.createSymbolicLink(link, Path.of("/etc"));
        Files.createSymbolicLink(store.diffDir("upper").resolve("tmp/arriba"), Path.of("../../../../../../../../etc"));

        Location viaAbsolute = locator.locate("/tmp/sombra/passwd");
        Location viaDotDot = locator.locate("/tmp/arriba/passwd");

        // /etc/passwd of the container (its upper copy), not the host's /etc/passwd.
        assertThat(viaAbsolute.resolvedPath()).isEqualTo("/etc/passwd");
        assertThat(viaAbsolute.layerId()).isEqualTo("upper");
        assertThat(viaDotDot.resolvedPath()).isEqualTo("/etc/passwd");
        assertThat(viaDotDot.host()).startsWith(root);
        assertThat(locator.locate("/tmp/sombra/hostname").state()).isEqualTo(Location.State.ABSENT);
    }

    @Test
    void theLastSymlinkIsReportedNotFollowed() throws Exception {
        Files.createSymbolicLink(store.diffDir("upper").resolve("tmp/shadow"), Path.of("/etc/shadow"));

        Location where = locator.locate("/tmp/shadow");

        assertThat(where.type()).isEqualTo("enlace simbólico");
        assertThat(where.host()).isEqualTo(store.diffDir("upper").resolve("tmp/shadow"));
    }

    @Test
    void theAnswerSaysWhatLstatSaysOfTheHostPath() throws Exception {
        Files.createSymbolicLink(store.diffDir("upper").resolve("tmp/enlace"), Path.of("tmpfile.txt"));

        for (String path : List.of("/etc", "/etc/passwd", "/bin/busybox", "/var/www/index.html", "/tmp/enlace")) {
            Location where = locator.locate(path);
            Entry entry = Entry.lstat(where.host()).orElseThrow();
            assertThat(List.of(where.type(), where.size(), where.hostUid(), where.hostGid())).as(path)
                    .isEqualTo(List.of(EntryType.of(entry), entry.size(), entry.uid(), entry.gid()));
        }
    }

    @Test
    void theRootIsTheBottomLayersFolder() {
        Location where = locator.locate("/");

        assertThat(where.state()).isEqualTo(Location.State.PRESENT);
        assertThat(where.layerId()).isEqualTo("base");
        assertThat(where.host()).isEqualTo(store.diffDir("base"));
        assertThat(where.type()).isEqualTo("directorio");
    }

    @Test
    void aMissingLayerFolderContributesNothing() {
        Locator withGap = Locator.ofFolders(List.of("upper", "gone", "base"),
                List.of(store.diffDir("upper"), root.resolve("no-existe"), store.diffDir("base")));

        assertThat(withGap.locate("/bin/busybox").layerId()).isEqualTo("base");
        assertThat(withGap.locate("/var/www/index.html").state()).isEqualTo(Location.State.ABSENT);
    }

    @Test
    void aWhiteoutHidesTheFileBelow() throws Exception {
        Path whiteout = store.diffDir("middle").resolve("bin/busybox");
        Files.createDirectories(whiteout.getParent());
        int rc = new ProcessBuilder("mknod", whiteout.toString(), "c", "0", "0").start().waitFor();
        assumeTrue(rc == 0, "mknod needs root");

        Location where = locator.locate("/bin/busybox");

        assertThat(where.state()).isEqualTo(Location.State.DELETED);
        assertThat(where.layerId()).isEqualTo("middle");
        assertThat(where.host()).isEqualTo(whiteout);
        assertThat(where.type()).isEqualTo("whiteout");
    }

    @Test
    void aSymlinkLoopIsASpanishError() throws Exception {
        Files.createSymbolicLink(store.diffDir("upper").resolve("tmp/a"), Path.of("/tmp/b"));
        Files.createSymbolicLink(store.diffDir("upper").resolve("tmp/b"), Path.of("/tmp/a"));

        assertThatThrownBy(() -> locator.locate("/tmp/a/x")).isInstanceOf(CapasException.class).hasMessageContaining("demasiados enlaces");
    }

    @Test
    void relativePathsAreRefused() {
        assertThatThrownBy(() -> locator.locate("tmp/x")).isInstanceOf(CapasException.class).hasMessageContaining("debe ser absoluta");
    }

    @Test
    void changesMarkAddedAndCopiedUpEntries() {
        ChangeScanner scanner = new ChangeScanner(store, List.of("upper", "middle", "base"));

        assertThat(scanner.changes()).extracting(Change::toString)
                .containsExactly("C /etc", "C /etc/passwd", "A /tmp", "A /tmp/tmpfile.txt");
    }

    @Test
    void changesNeverWanderOutOfTheLayerWhenAFolderIsSwappedForASymlink() throws Exception {
        Path tmp = store.diffDir("upper").resolve("tmp");
        Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-fuera"));
        Files.writeString(outside.resolve("secreto.txt"), "SECRETO");
        ChangeScanner scanner = new ChangeScanner(store, List.of("upper", "middle", "base"));
        SymlinkSwapper.race(tmp, outside, 5_000,
                () -> assertThat(scanner.changes()).extracting(Change::path).doesNotContain("/tmp/secreto.txt"),
                CapasException.class, java.io.UncheckedIOException.class);
    }
}
