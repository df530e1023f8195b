package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubIdsCheckTest {
    @Test
    void rangesInBothFilesAreOk() {
        MemoryHost host = new MemoryHost().file("/etc/subuid", "otro:100000:65536\nalumno:165536:65536\n")
                .file("/etc/subgid", "1001:165536:65536\n");

        Check check = new SubIdsCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).startsWith("Rango subordinado de uid 165536:65536 y de gid 165536:65536");
    }

    @Test
    void aUserWhoseIdsComeFromADirectoryServiceIsOkWithEmptyFiles() {
        MemoryHost host = new MemoryHost().file("/etc/subuid", "").file("/etc/subgid", "")
                .file("/etc/nsswitch.conf", "passwd: files sss\nsubid: sss\n");

        Check check = new SubIdsCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).contains("servicio de directorio");
    }

    @Test
    void noRangeIsAnErrorWhoseFixTakesAFreeRange() {
        MemoryHost host = new MemoryHost().file("/etc/subuid", "otro:100000:65536\n").file("/etc/subgid", "otro:100000:65536\n")
                .file("/etc/nsswitch.conf", "passwd: files\nsubid: files\n");

        Check check = new SubIdsCheck(host).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.detail()).contains("El usuario alumno no tiene rango");
        assertThat(check.fix()).isEqualTo("sudo usermod --add-subuids 165536-231071 --add-subgids 165536-231071 alumno");
    }
}
