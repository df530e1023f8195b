package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisTest {
    @Test
    void canWorkWithWarningsButNotWithErrors() {
        Diagnosis warned = new Diagnosis(List.of(Check.ok("Java", "Java 17."), Check.warn("sudo", "pide contraseña", "sudo -v")));
        Diagnosis broken = new Diagnosis(List.of(Check.error("Podman", "no está", "sudo apt install podman")));

        assertThat(warned.canWork()).isTrue();
        assertThat(warned.summary()).isEqualTo("El laboratorio puede funcionar (1 aviso).");
        assertThat(broken.canWork()).isFalse();
        assertThat(broken.summary()).startsWith("El laboratorio no puede funcionar todavía: 1 error y ningún aviso.");
    }

    @Test
    void textShowsStatusTopicAndFix() {
        Diagnosis diagnosis = new Diagnosis(List.of(Check.warn("/dev/net/tun", "No es accesible.", "sudo chmod 0666 /dev/net/tun")));

        assertThat(diagnosis.toString())
                .contains("[AVISO]  /dev/net/tun: No es accesible.")
                .contains("→ sudo chmod 0666 /dev/net/tun");
    }

    @Test
    void htmlEscapesWhatItShows() {
        Diagnosis diagnosis = new Diagnosis(List.of(Check.error("<b>Podman</b>", "falla & <script>alert(1)</script>", "rm \"x\"")));

        String html = diagnosis.toMimeBundle().get("text/html");

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Podman")
                .contains("&lt;script&gt;").contains("&amp;").contains("rm &quot;x&quot;");
        assertThat(diagnosis.toMimeBundle()).containsKey("text/plain");
    }

    @Test
    void checkFindsOneByTopic() {
        Diagnosis diagnosis = new Diagnosis(List.of(Check.ok("Java", "Java 17."), Check.ok("Podman", "Podman 4.3.1.")));

        assertThat(diagnosis.check("Podman").detail()).isEqualTo("Podman 4.3.1.");
    }

    @Test
    void theSummarySaysWhatDoctorArreglarWouldFix() {
        Diagnosis diagnosis = new Diagnosis(java.util.List.of(
                Check.warn("/", "privado", "sudo mount --make-rshared /").repairedBy(Repairs.sharedRoot()),
                Check.ok("tun", "bien").repairedBy(Repairs.openDevice(java.nio.file.Path.of("/dev/net/tun"), "repair.tun"))));

        assertThat(diagnosis.summary()).isEqualTo("El laboratorio puede funcionar (1 aviso). "
                + "1 ajuste lo puede hacer Capas: sudo ./lab doctor --arreglar");
    }
}
