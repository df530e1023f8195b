package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelCheckTest {
    private static final String SPEC = "/home/alumno/.local/share/jupyter/kernels/capas/kernel.json";

    @Test
    void anInstalledKernelIsOk() {
        Check check = new KernelCheck(new MemoryHost().file(SPEC, "{}")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).isEqualTo("Instalado en " + SPEC + ".");
    }

    @Test
    void aMissingKernelIsAWarningThatPointsToTheLauncher() {
        Check check = new KernelCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("./lab");
    }
}
