package capas.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(entry.isWhiteout()).isFalse();
        assertThat(entry.permissions()).startsWith("l");
        assertThat(Entry.lstat(dir.resolve("nada"))).isEmpty();
    }
}
