package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootlessAsRootCheckTest {
    @Test
    void rootIsToldToUseTheLabUser() {
        Check check = new RootlessAsRootCheck().run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.detail()).contains("Eres root").contains("alumno");
        assertThat(check.fix()).isEqualTo("./lab");
    }
}
