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
    void withoutPodmanTheFixInstallsIt() {
        Check check = new PodmanCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.detail()).contains("Podman no está instalado");
        assertThat(check.fix()).contains("sudo apt install podman").contains("sudo dnf install podman");
    }
}
