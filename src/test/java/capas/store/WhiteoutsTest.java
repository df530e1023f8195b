package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import capas.os.Entry;
import capas.os.PinnedPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every on-disk form of a whiteout and of an opaque directory, as the kernel and fuse-overlayfs write them. */
class WhiteoutsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#whiteoutForms")
    void aWhiteoutIsRecognisedInEitherForm(String form) throws Exception {
        OverlayMarks.whiteout(dir.resolve("borrado"), form);
        Path mark = form.equals("device") ? dir.resolve("borrado") : dir.resolve(".wh.borrado");

        assertThat(Whiteouts.isWhiteout(Entry.lstat(mark).orElseThrow())).isTrue();
        assertThat(EntryType.of(Entry.lstat(mark).orElseThrow())).isEqualTo("whiteout");
    }

    @Test
    void ordinaryEntriesAndMetadataMarksAreNoWhiteouts() throws Exception {
        Path file = Files.writeString(dir.resolve("fichero"), "x");
        Path opaqueMark = Files.createFile(dir.resolve(".wh..wh..opq"));
        Path aufs = Files.createDirectories(dir.resolve(".wh..wh.plnk"));

        assertThat(Whiteouts.isWhiteout(Entry.lstat(file).orElseThrow())).isFalse();
        assertThat(Whiteouts.isWhiteout(Entry.lstat(opaqueMark).orElseThrow())).isFalse();
        assertThat(Whiteouts.isWhiteout(Entry.lstat(aufs).orElseThrow())).isFalse();
        assertThat(Whiteouts.isWhiteout(Entry.lstat(Files.createSymbolicLink(dir.resolve("enlace"), Path.of("/dev/null"))).orElseThrow()))
                .isFalse();
    }

    @Test
    void aDeviceNamedLikeAMarkIsFuseOverlayfsBookkeepingAndDeletesNothing() throws Exception {
        // fuse-overlayfs leaves a 0:0 device named .wh..opq in a folder it made opaque, next to its other marks.
        OverlayMarks.whiteout(dir.resolve(".wh..opq"), "device");

        assertThat(Whiteouts.isWhiteout(Entry.lstat(dir.resolve(".wh..opq")).orElseThrow())).isFalse();
    }

    @Test
    void aMarkNamesWhatItDeletesAndOnlyThat() {
        assertThat(Whiteouts.deletedName(".wh.index.html")).contains("index.html");
        assertThat(Whiteouts.deletedName(".wh..bashrc")).contains(".bashrc");
        assertThat(Whiteouts.deletedName(".wh..wh..opq")).isEmpty();
        assertThat(Whiteouts.deletedName(".wh..wh.plnk")).isEmpty();
        assertThat(Whiteouts.deletedName(".wh.")).isEmpty();
        assertThat(Whiteouts.deletedName("index.html")).isEmpty();
        assertThat(Whiteouts.isMark(".wh..wh..opq")).isTrue();
        assertThat(Whiteouts.isMark("wh.x")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("capas.store.OverlayMarks#opaqueForms")
    void aDirectoryIsOpaqueByAnyOfItsMarks(String form) throws Exception {
        Path opaque = dir.resolve("opaca");
        OverlayMarks.opaque(opaque, form);
        Path plain = Files.createDirectories(dir.resolve("normal"));

        try (PinnedPath top = PinnedPath.openDirectory(dir);
                PinnedPath o = top.openAt("opaca").orElseThrow();
                PinnedPath p = top.openAt("normal").orElseThrow()) {
            assertThat(Whiteouts.isOpaque(o, o.stat())).isTrue();
            assertThat(Whiteouts.isOpaque(p, p.stat())).isFalse();
        }
        assertThat(Whiteouts.isOpaque(opaque)).isTrue();
        assertThat(Whiteouts.isOpaque(plain)).isFalse();
        assertThat(Whiteouts.isOpaque(dir.resolve("no-existe"))).isFalse();
    }

    @Test
    void aFileHoldingAnOpaqueMarkIsNoOpaqueDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("fichero"), "x");

        assertThat(Whiteouts.isOpaque(file)).isFalse();
    }
}
