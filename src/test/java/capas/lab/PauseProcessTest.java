package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PauseProcessTest {
    @Test
    void xdgRuntimeDirIsTheOnlyPlaceWhenSet() {
        assertThat(PauseProcess.runtimeDirCandidates("/run/user/1001", 1001, "/tmp", Path.of("/home/alumno")))
                .containsExactly(Path.of("/run/user/1001"));
    }

    @Test
    void withoutItPodmanTriesRunUserThenTmpThenHome() {
        assertThat(PauseProcess.runtimeDirCandidates("", 1001, null, Path.of("/home/alumno"))).containsExactly(
                Path.of("/run/user/1001"), Path.of("/tmp/podman-run-1001"), Path.of("/home/alumno/rundir"));
        assertThat(PauseProcess.runtimeDirCandidates(null, 1001, "/var/tmp", Path.of("/home/alumno")))
                .contains(Path.of("/var/tmp/podman-run-1001"));
    }
}
