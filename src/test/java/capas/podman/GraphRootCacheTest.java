package capas.podman;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphRootCacheTest {
    @Test
    void theRecordedFolderIsUsedWhileNoStorageConfChanges(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("storage.conf"), "[storage]\ndriver = \"overlay\"\n");
        Path cache = dir.resolve("cache").resolve("graphroot-rootless.txt");
        String before = GraphRootCache.fingerprint(Mode.ROOTLESS, List.of(conf));
        GraphRootCache.write(cache, before, Path.of("/home/alumno/.local/share/containers/storage"));

        assertThat(GraphRootCache.read(cache, GraphRootCache.fingerprint(Mode.ROOTLESS, List.of(conf))))
                .contains(Path.of("/home/alumno/.local/share/containers/storage"));
    }

    @Test
    void aStorageConfEditedOrAddedMeansAskingPodmanAgain(@TempDir Path dir) throws Exception {
        Path conf = Files.writeString(dir.resolve("storage.conf"), "[storage]\ndriver = \"overlay\"\n");
        Path added = dir.resolve("otro.conf");
        Path cache = dir.resolve("graphroot.txt");
        GraphRootCache.write(cache, GraphRootCache.fingerprint(Mode.ROOTLESS, List.of(conf, added)), Path.of("/srv/almacen"));

        Files.writeString(conf, "[storage]\ndriver = \"overlay\"\ngraphroot = \"/srv/otro\"\n");
        Files.setLastModifiedTime(conf, FileTime.fromMillis(Files.getLastModifiedTime(conf).toMillis() + 1000));
        assertThat(GraphRootCache.read(cache, GraphRootCache.fingerprint(Mode.ROOTLESS, List.of(conf, added)))).isEmpty();

        GraphRootCache.write(cache, GraphRootCache.fingerprint(Mode.ROOTLESS, List.of(conf, added)), Path.of("/srv/otro"));
        Files.writeString(added, "[storage]\n");
        assertThat(GraphRootCache.read(cache, GraphRootCache.fingerprint(Mode.ROOTLESS, List.of(conf, added)))).isEmpty();
    }

    @Test
    void aCacheWrittenForTheOtherModeIsNotUsed(@TempDir Path dir) {
        Path cache = dir.resolve("graphroot.txt");
        GraphRootCache.write(cache, GraphRootCache.fingerprint(Mode.ROOTFUL, List.of()), Path.of("/var/lib/containers/storage"));
        assertThat(GraphRootCache.read(cache, GraphRootCache.fingerprint(Mode.ROOTLESS, List.of()))).isEmpty();
    }
}
