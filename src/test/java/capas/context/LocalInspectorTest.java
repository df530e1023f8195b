package capas.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.os.SymlinkSwapper;
import capas.store.OverlayLayout;
import capas.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading inside the store is confined to it: the guard a root probe relies on. */
class LocalInspectorTest {
    @TempDir
    Path store;

    /** A layer's files, where the overlay driver keeps them. */
    private Path diff;

    @org.junit.jupiter.api.BeforeEach
    void layout() {
        diff = new OverlayLayout(store).diffDir("x");
    }

    @Test
    void readsAFileInsideTheStore() throws Exception {
        Files.createDirectories(diff.resolve("tmp"));
        Files.writeString(diff.resolve("tmp/f.txt"), "hola");

        assertThat(new LocalInspector(Mode.ROOTFUL, store).readFile(diff.resolve("tmp/f.txt").toString(), 100))
                .isEqualTo("hola");
    }

    @Test
    void refusesPathsOutsideTheStore() {
        LocalInspector inspector = new LocalInspector(Mode.ROOTFUL, store);

        assertThatThrownBy(() -> inspector.readFile("/etc/passwd", 100)).isInstanceOf(CapasException.class).hasMessageContaining("fuera del almacén");
        assertThatThrownBy(() -> inspector.readFile(store + "/../../etc/passwd", 100)).isInstanceOf(CapasException.class);
    }

    @Test
    void neverFollowsASymlinkInsideTheStore() throws Exception {
        Files.createDirectories(diff);
        Files.createSymbolicLink(diff.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(diff.resolve("passwd"), Path.of("/etc/passwd"));
        LocalInspector inspector = new LocalInspector(Mode.ROOTFUL, store);

        assertThatThrownBy(() -> inspector.readFile(diff.resolve("etc/passwd").toString(), 100))
                .isInstanceOf(CapasException.class).hasMessageContaining("enlace simbólico");
        assertThatThrownBy(() -> inspector.readFile(diff.resolve("passwd").toString(), 100))
                .isInstanceOf(CapasException.class).hasMessageContaining("no es un fichero normal");
        assertThat(inspector.listDir(diff.toString()))
                .extracting(DirEntry::linkTarget).containsExactlyInAnyOrder("/etc", "/etc/passwd");
    }

    @Test
    void aFolderSwappedForASymlinkWhileReadingNeverLeadsOutOfTheStore() throws Exception {
        Path tmp = diff.resolve("tmp");
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve("f.txt"), "hola");
        Path outside = Files.createDirectories(store.resolveSibling(store.getFileName() + "-fuera"));
        Files.writeString(outside.resolve("f.txt"), "SECRETO");
        Files.writeString(outside.resolve("secreto.txt"), "");
        LocalInspector inspector = new LocalInspector(Mode.ROOTFUL, store);
        SymlinkSwapper.race(tmp, outside, 20_000, () -> {
            assertThat(inspector.readFile(tmp.resolve("f.txt").toString(), 100)).isEqualTo("hola");
            assertThat(inspector.listDir(tmp.toString())).extracting(DirEntry::name).doesNotContain("secreto.txt");
        }, CapasException.class);
    }

    @Test
    void aStoreReachedThroughASymlinkedParentIsStillRead() throws Exception {
        Path real = Files.createDirectories(new OverlayLayout(store.resolve("disco/storage")).diffDir("x"));
        Files.writeString(real.resolve("f.txt"), "hola");
        Path alias = Files.createSymbolicLink(store.resolve("var-lib"), store.resolve("disco"));
        LocalInspector inspector = new LocalInspector(Mode.ROOTFUL, alias.resolve("storage"));

        assertThat(inspector.readFile(new OverlayLayout(alias.resolve("storage")).diffDir("x").resolve("f.txt").toString(), 10)).isEqualTo("hola");
        assertThat(inspector.listDir(new OverlayLayout(alias.resolve("storage")).diffDir("x").toString())).extracting(DirEntry::name).containsExactly("f.txt");
    }

    @Test
    void aPathUnderAMissingFolderSimplyDoesNotExist() throws Exception {
        Files.createDirectories(diff);
        LocalInspector inspector = new LocalInspector(Mode.ROOTFUL, store);

        assertThat(inspector.exists(diff.resolve("etc/passwd").toString())).isFalse();
        assertThatThrownBy(() -> inspector.readFile(diff.resolve("etc/passwd").toString(), 10))
                .isInstanceOf(CapasException.class).hasMessageContaining("No existe");
    }

    @Test
    void layerIdsFromTheCallerMustBeLayersOfTheStore() throws Exception {
        Files.createDirectories(diff);
        LocalInspector inspector = new LocalInspector(Mode.ROOTFUL, store);

        // A root probe turns an id into overlay/<id>/diff: an id the store does not name is refused, never read.
        assertThatThrownBy(() -> inspector.locate(java.util.List.of("../../../etc"), "/passwd"))
                .isInstanceOf(CapasException.class).extracting(e -> ((CapasException) e).kind()).isEqualTo(CapasException.Kind.UNKNOWN_LAYER);
        assertThatThrownBy(() -> inspector.changes(java.util.List.of("x")))
                .isInstanceOf(CapasException.class).extracting(e -> ((CapasException) e).kind()).isEqualTo(CapasException.Kind.UNKNOWN_LAYER);
    }

    @Test
    void probeRepliesCarrySpanishErrorsBack() {
        ProbeProtocol.Reply reply = ProbeMain.answer(new LocalInspector(Mode.ROOTFUL, store), "{\"op\":\"readFile\",\"args\":[\"/etc/passwd\",10]}");

        assertThat(reply.value()).isNull();
        assertThat(reply.error()).contains("fuera del almacén");
    }

    @Test
    void probeAnswersInJson() throws Exception {
        Files.createDirectories(new OverlayLayout(store).overlayDir());
        ProbeProtocol.Reply reply = ProbeMain.answer(new LocalInspector(Mode.ROOTFUL, store), "{\"op\":\"exists\",\"args\":[\"" + new OverlayLayout(store).overlayDir() + "\"]}");

        assertThat(reply.error()).isNull();
        assertThat(reply.value().asBoolean()).isTrue();
    }
}
