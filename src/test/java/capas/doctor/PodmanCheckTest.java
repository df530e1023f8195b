package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PodmanCheckTest {
    @Test
    void anInstalledPodmanIsOkWithItsVersion() {
        Check check = new PodmanCheck(new MemoryHost().answers("podman --version", 0, "podman version 4.3.1\n")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).isEqualTo("Podman 4.3.1.");
    }

    @Test
    void podman5OnCgroupsV1ExplainsTheWarningOfEveryCommand() {
        Check v1 = new PodmanCheck(new MemoryHost().answers("podman --version", 0, "podman version 5.4.2\n")).run();
        Check v2 = new PodmanCheck(new MemoryHost().answers("podman --version", 0, "podman version 5.4.2\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n")).run();

        assertThat(v1.status()).isEqualTo(Status.OK);
        assertThat(v1.detail()).startsWith("Podman 5.4.2.").contains("cgroups v1").contains("Using cgroups-v1 which is deprecated");
        assertThat(v2.detail()).isEqualTo("Podman 5.4.2.");
    }

    @Test
    void withoutPodmanTheFixInstallsIt() {
        Check check = new PodmanCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.detail()).contains("Podman no está instalado");
        assertThat(check.fix()).contains("sudo apt install podman").contains("sudo dnf install podman");
    }
}
