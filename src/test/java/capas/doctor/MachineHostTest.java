package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineHostTest {
    @Test
    void readsFilesAndFolders(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("b.conf"), "[containers]\n");
        Files.writeString(dir.resolve("a.conf"), "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        MachineHost host = new MachineHost("/usr/bin:/bin");

        assertThat(host.read(file)).contains("[containers]\n");
        assertThat(host.read(dir.resolve("nada"))).isEmpty();
        assertThat(host.list(dir)).containsExactly(dir.resolve("a.conf"), file);
        assertThat(host.list(dir.resolve("nada"))).isEmpty();
        assertThat(host.mode(file)).hasValue(0640);
        assertThat(host.readableAndWritable(file)).isTrue();
    }

    @Test
    void commandsAreLookedUpOnItsPath(@TempDir Path empty) {
        assertThat(new MachineHost(empty.toString()).run("echo", "hola").exitCode()).isEqualTo(127);
        assertThat(new MachineHost("/usr/bin:/bin").run("echo", "hola").out()).isEqualTo("hola\n");
    }
}
