package capas.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixTest {
    @Test
    void uidMatchesWhatTheJdkKnows() {
        assertThat(Posix.uid()).isEqualTo((int) new com.sun.security.auth.module.UnixSystem().getUid());
        assertThat(Posix.isRoot()).isEqualTo("root".equals(System.getProperty("user.name")));
    }

    @Test
    void anOrdinaryFolderIsNotAnOverlayMount(@TempDir Path dir) {
        assertThat(Posix.isOverlay(dir)).isFalse();
        assertThat(Posix.fileSystemType(Path.of("/proc"))).isEqualTo(0x9fa0L);
    }

    @Test
    void entriesAreReadWithoutFollowingSymlinks(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("sombra"), Path.of("/etc/shadow"));

        Entry entry = Entry.lstat(link).orElseThrow();

        assertThat(entry.isSymlink()).isTrue();
        assertThat(entry.isCharacterDevice()).isFalse();
        assertThat(entry.permissions()).startsWith("l");
        assertThat(Entry.lstat(dir.resolve("nada"))).isEmpty();
    }

    @Test
    void aPinnedWalkOpensOneNameAtATimeAndNeverFollowsASymlink(@TempDir Path dir) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("d")).resolve("f"), "hola");
        Files.createSymbolicLink(dir.resolve("sombra"), Path.of("/etc/shadow"));

        try (PinnedPath top = PinnedPath.openDirectory(dir);
                PinnedPath d = top.openAt("d").orElseThrow();
                PinnedPath f = d.openAt("f").orElseThrow();
                PinnedPath link = top.openAt("sombra").orElseThrow()) {
            assertThat(d.path()).isEqualTo(dir.resolve("d"));
            assertThat(f.stat().size()).isEqualTo(4);
            assertThat(link.stat().isSymlink()).isTrue();
            assertThat(link.readLink()).isEqualTo("/etc/shadow");
            assertThat(top.openAt("nada")).isEmpty();
        }
    }

    @Test
    void onlyOneComponentIsEverOpenedBelowAPinnedFolder(@TempDir Path dir) throws Exception {
        try (PinnedPath top = PinnedPath.openDirectory(dir)) {
            for (String name : List.of("", ".", "..", "a/b", "/etc")) {
                assertThatThrownBy(() -> top.openAt(name)).as(name).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void statThroughADescriptorSaysWhatLstatSays(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "contenido");
        Path link = Files.createSymbolicLink(dir.resolve("l"), Path.of("f"));
        // A character device: its st_rdev must come out encoded as lstat encodes it (whiteouts are 0:0).
        Path devNull = Path.of("/dev/null");

        for (Path path : List.of(dir, file, link, devNull)) {
            try (PinnedPath pinned = PinnedPath.open(path)) {
                assertThat(pinned.stat()).as(path.toString()).isEqualTo(Entry.lstat(path).orElseThrow());
            }
        }
        try (PinnedPath top = PinnedPath.openDirectory(dir); PinnedPath f = top.openAt("f").orElseThrow()) {
            assertThat(f.stat()).isEqualTo(Entry.lstat(file).orElseThrow());
        }
    }

    @Test
    void aPinnedFolderStaysTheSameObjectWhenItsNameBecomesASymlink(@TempDir Path dir) throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("layer/d")).resolve("f"), "capa");
        Files.writeString(Files.createDirectories(dir.resolve("host")).resolve("f"), "secreto del anfitrión");

        try (PinnedPath layer = PinnedPath.openDirectory(dir.resolve("layer")); PinnedPath d = layer.openAt("d").orElseThrow()) {
            Files.move(dir.resolve("layer/d"), dir.resolve("layer/d.real"));
            Files.createSymbolicLink(dir.resolve("layer/d"), dir.resolve("host"));
            try (PinnedPath f = d.openAt("f").orElseThrow()) {
                assertThat(f.stat().size()).isEqualTo(4);
            }
        }
    }

    @Test
    void xattrsAreReadThroughTheDescriptor(@TempDir Path dir) throws Exception {
        Path opaque = Files.createDirectories(dir.resolve("opaca"));
        Files.getFileAttributeView(opaque, UserDefinedFileAttributeView.class)
                .write("overlay.opaque", ByteBuffer.wrap("y".getBytes(StandardCharsets.UTF_8)));
        Path plain = Files.createDirectories(dir.resolve("normal"));

        try (PinnedPath top = PinnedPath.openDirectory(dir);
                PinnedPath o = top.openAt("opaca").orElseThrow();
                PinnedPath p = top.openAt("normal").orElseThrow()) {
            assertThat(o.xattr("user.overlay.opaque")).contains("y");
            assertThat(p.xattr("user.overlay.opaque")).isEmpty();
        }
    }
}
