package capas.store;

import capas.Mode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.os.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Overlay rules on small layer trees: "upper" is the container layer, "middle" and "base" the
 * image's; every whiteout and opaque form made by {@link OverlayMarks}.
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

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#opaqueForms")
    void anOpaqueDirectoryHidesTheLayersBelow(String form) throws Exception {
        OverlayMarks.opaque(store.diffDir("upper").resolve("var/www"), form);

        assertThat(locator.locate("/var/www/index.html").state()).isEqualTo(Location.State.ABSENT);
        assertThat(locator.locate("/var/www").layerId()).isEqualTo("upper");
        assertThat(locator.locate("/bin/busybox").layerId()).isEqualTo("base");
    }

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#opaqueForms")
    void anOpaqueDirectoryInAnImageLayerHidesOnlyTheLayersBelowIt(String form) throws Exception {
        OverlayMarks.opaque(store.diffDir("middle").resolve("etc"), form);
        write("middle", "etc/group", "root:x:0:");

        assertThat(locator.locate("/etc/passwd").layerId()).as("the container's copy is above the opaque folder").isEqualTo("upper");
        assertThat(locator.locate("/etc/group").layerId()).isEqualTo("middle");
        write("base", "etc/shadow", "root:*:");
        assertThat(locator.locate("/etc/shadow").state()).isEqualTo(Location.State.ABSENT);
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

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#whiteoutForms")
    void aWhiteoutHidesTheFileBelowInEitherForm(String form) throws Exception {
        OverlayMarks.whiteout(store.diffDir("middle").resolve("bin/busybox"), form);

        Location where = locator.locate("/bin/busybox");

        assertThat(where.state()).isEqualTo(Location.State.DELETED);
        assertThat(where.layerId()).isEqualTo("middle");
        assertThat(where.host()).isEqualTo(store.diffDir("middle").resolve(form.equals("device") ? "bin/busybox" : "bin/.wh.busybox"));
        assertThat(where.type()).isEqualTo("whiteout");
        assertThat(where.toString()).contains("está borrado");
    }

    @Test
    void aFolderDeletedByAMarkHidesEverythingUnderIt() throws Exception {
        OverlayMarks.whiteout(store.diffDir("upper").resolve("var/www"), "file");

        assertThat(locator.locate("/var/www/index.html").state()).isEqualTo(Location.State.DELETED);
        assertThat(locator.locate("/var/www").host()).isEqualTo(store.diffDir("upper").resolve("var/.wh.www"));
    }

    @Test
    void aMarkIsNeverFoundAsAFile() throws Exception {
        OverlayMarks.whiteout(store.diffDir("upper").resolve("bin/busybox"), "file");
        OverlayMarks.opaque(store.diffDir("upper").resolve("tmp"), ".wh..wh..opq");

        assertThat(locator.locate("/bin/.wh.busybox").state()).isEqualTo(Location.State.ABSENT);
        assertThat(locator.locate("/tmp/.wh..wh..opq").state()).isEqualTo(Location.State.ABSENT);
        assertThat(locator.locate("/tmp/tmpfile.txt").layerId()).isEqualTo("upper");
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
        LayerTree tree = new LayerTree(store, List.of("upper", "middle", "base"));

        assertThat(tree.changes()).extracting(Change::toString)
                .containsExactly("C /etc", "C /etc/passwd", "A /tmp", "A /tmp/tmpfile.txt");
    }
}
