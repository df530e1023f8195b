package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageConfTest {
    @Test
    void theDriverComesFromTheStorageTable() {
        assertThat(StorageConf.driver("[storage]\ndriver = \"vfs\"\n[storage.options]\nmount_program = \"/usr/bin/fuse-overlayfs\"\n"))
                .contains("vfs");
        assertThat(StorageConf.driver("[storage]\n# driver = \"overlay\"\n")).isEmpty();
        assertThat(StorageConf.driver("no es toml [")).isEmpty();
    }

    @Test
    void theFileToChangeIsTheOneThatChoseTheDriver() {
        MemoryHost host = new MemoryHost().file("/etc/containers/storage.conf", "[storage]\ndriver = \"vfs\"\n");

        assertThat(StorageConf.toChange(host, true)).isEqualTo(Path.of("/etc/containers/storage.conf"));
        assertThat(StorageConf.toChange(host, false)).isEqualTo(Path.of("/etc/containers/storage.conf"));
    }

    @Test
    void withoutADriverSettingItIsTheModesOwnFile() {
        MemoryHost host = new MemoryHost().file("/usr/share/containers/storage.conf", "[storage]\nrunroot = \"/run/containers/storage\"\n");

        assertThat(StorageConf.toChange(host, true)).isEqualTo(Path.of("/etc/containers/storage.conf"));
        assertThat(StorageConf.toChange(host, false)).isEqualTo(Path.of("/home/alumno/.config/containers/storage.conf"));
    }
}
