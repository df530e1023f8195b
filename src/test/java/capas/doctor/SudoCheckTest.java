package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SudoCheckTest {
    @Test
    void rootNeedsNoSudo() {
        Check check = new SudoCheck(new MemoryHost().asRoot()).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).startsWith("Eres root");
    }

    @Test
    void sudoWithoutPasswordIsOk() {
        Check check = new SudoCheck(new MemoryHost().answers("sudo -n true", 0, "")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).startsWith("sudo funciona sin pedir contraseña");
    }

    @Test
    void sudoThatAsksForAPasswordIsAWarning() {
        Check check = new SudoCheck(new MemoryHost().answers("sudo -n true", 1, "sudo: a password is required")).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("sudo -v");
    }

    @Test
    void noSudoIsAWarningThatInstallsItForThisUser() {
        Check check = new SudoCheck(new MemoryHost()).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.fix()).isEqualTo("su -c 'apt install sudo && usermod -aG sudo alumno'");
    }
}
