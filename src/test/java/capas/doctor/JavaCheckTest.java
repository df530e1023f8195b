package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaCheckTest {
    @Test
    void theRunningJavaIsOkAndNamed() {
        Check check = new JavaCheck(17, "/usr/lib/jvm/java-17").run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.detail()).isEqualTo("Java 17 en /usr/lib/jvm/java-17.");
    }
}
