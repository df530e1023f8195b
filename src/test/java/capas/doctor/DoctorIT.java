package capas.doctor;

import capas.Env;
import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab doctor} as a person runs it: the packaged jar, its exit status, its words. */
class DoctorIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String JAR = System.getProperty("capas.jar", "target/capas.jar");

    record Run(int exitCode, String out, String err) {
    }

    private static Run doctor(String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR, "doctor");
        builder.environment().put("PATH", path);
        ChildProcess.Result result = ChildProcess.run(builder, Duration.ofSeconds(120));
        return new Run(result.exitCode(), result.out(), result.err());
    }

    @Test
    void withoutPodmanSaysSoInSpanishAndFails(@TempDir Path emptyPath) throws Exception {
        Run run = doctor(emptyPath.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[ERROR]  Podman: Podman no está instalado")
                .contains("sudo apt install podman").contains("El laboratorio no puede funcionar todavía");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void onThePreparedLabMachineTheLabCanWork() throws Exception {
        Run run = doctor(Env.path());

        assertThat(run.out()).contains("Diagnóstico del laboratorio Capas").contains("[OK]     Podman: Podman ");
        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    @Test
    void aNormalUserIsNeverFixedWithoutAsking() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "as root the fixes would run");
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR, "doctor", "--arreglar");
        // Under ./lab test started by root this is set: here the student runs it by hand.
        builder.environment().remove("CAPAS_FROM_ROOT");
        ChildProcess.Result run = ChildProcess.run(builder, Duration.ofSeconds(120));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Los ajustes de la máquina se hacen como root").contains("sudo ./lab doctor --arreglar");
        assertThat(run.out()).doesNotContain("Ajustes de Podman");
        assertThat(run.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
