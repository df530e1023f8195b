package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
    @Test
    void withoutPodmanSaysSoAndCannotWork(@TempDir Path emptyPath, @TempDir Path home) {
        Doctor doctor = new Doctor(new HostCommand(emptyPath.toString()), "alumno", home, false, "localhost/curso/httpd:latest");

        Diagnosis diagnosis = doctor.run();

        assertThat(diagnosis.canWork()).isFalse();
        Check podman = diagnosis.check("Podman");
        assertThat(podman.status()).isEqualTo(Status.ERROR);
        assertThat(podman.detail()).contains("Podman no está instalado");
        assertThat(podman.fix()).contains("sudo apt install podman").contains("sudo dnf install podman");
    }

    @Test
    void missingKernelIsAWarningThatPointsToTheLauncher(@TempDir Path emptyPath, @TempDir Path home) {
        Doctor doctor = new Doctor(new HostCommand(emptyPath.toString()), "alumno", home, false, "x");

        Check kernel = doctor.run().check("Núcleo Java (Capas)");

        assertThat(kernel.status()).isEqualTo(Status.AVISO);
        assertThat(kernel.fix()).isEqualTo("./lab");
    }
}
