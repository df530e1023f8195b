package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseProcessTest {
    @Test
    void xdgRuntimeDirIsTheOnlyPlaceWhenSet() {
        assertThat(PauseProcess.runtimeDirCandidates("/run/user/1001", 1001, "/tmp", Path.of("/home/alumno")))
                .containsExactly(Path.of("/run/user/1001"));
    }

    @Test
    void withoutItPodmanTriesRunUserThenTmpThenHome() {
        assertThat(PauseProcess.runtimeDirCandidates("", 1001, null, Path.of("/home/alumno"))).containsExactly(
                Path.of("/run/user/1001"), Path.of("/tmp/podman-run-1001"), Path.of("/tmp/storage-run-1001"),
                Path.of("/home/alumno/rundir"));
        assertThat(PauseProcess.runtimeDirCandidates(null, 1001, "/var/tmp", Path.of("/home/alumno")))
                .contains(Path.of("/var/tmp/podman-run-1001"), Path.of("/var/tmp/storage-run-1001"));
    }

    @Test
    void theFolderPodmanNamesIsWhereThePidIsRead(@TempDir Path runtimeDir) throws IOException {
        // Podman 5 without a login session: /tmp/storage-run-<uid>, which podman 4's rules never named.
        Path pidFile = runtimeDir.resolve("libpod/tmp/pause.pid");
        Files.createDirectories(pidFile.getParent());
        long self = ProcessHandle.current().pid();
        Files.writeString(pidFile, self + "\n");

        PauseProcess pause = PauseProcess.find(4242, Optional.of(runtimeDir));

        assertThat(pause.pid()).isEqualTo(self);
        assertThat(pause.pidFile()).isEqualTo(pidFile);
    }
}
