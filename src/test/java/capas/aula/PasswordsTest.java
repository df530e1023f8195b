package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** Codes a student can type, and hashes in the contract's format that Python verifies too. */
class PasswordsTest {
    @Test
    void aCodeIsThreeGroupsOfFourWithoutLookAlikes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = Passwords.generate();
            assertThat(code).matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}").doesNotContain("0", "o", "1", "l", "i");
            codes.add(code);
        }
        assertThat(codes).hasSize(200);
    }

    @Test
    void aHashHasTheContractsFormatAndANewSaltEachTime() {
        String a = Passwords.hash("k7mq-t3xe-9hpa", 1000);
        String b = Passwords.hash("k7mq-t3xe-9hpa", 1000);

        assertThat(a).matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
        assertThat(a).isNotEqualTo(b);
        assertThat(Passwords.hash("x")).startsWith("pbkdf2_sha256$600000$");
    }

    @Test
    void verifyAcceptsThePasswordAndNothingElse() {
        String hash = Passwords.hash("contraseña-de-ana", 1000);

        assertThat(Passwords.verify("contraseña-de-ana", hash)).isTrue();
        assertThat(Passwords.verify("contrasena-de-ana", hash)).isFalse();
        assertThat(Passwords.verify("", hash)).isFalse();
        assertThat(Passwords.verify("contraseña-de-ana", "")).isFalse();
        assertThat(Passwords.verify("contraseña-de-ana", "pbkdf2_sha256$1000$%%%$abc=")).isFalse();
        assertThat(Passwords.verify("contraseña-de-ana", hash.replace("$1000$", "$1001$"))).isFalse();
    }

    @Test
    void theDerivationIsRfc7914sPbkdf2HmacSha256() {
        // RFC 7914, section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64).
        assertThat(HexFormat.of().formatHex(Passwords.pbkdf2("passwd".getBytes(StandardCharsets.US_ASCII),
                "salt".getBytes(StandardCharsets.US_ASCII), 1, 64)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }

    @Test
    void theDerivationAgreesWithTheJdksForAsciiPasswords() throws Exception {
        byte[] salt = "sal-de-prueba-16".getBytes(StandardCharsets.US_ASCII);
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("k7mq-t3xe-9hpa".toCharArray(), salt, 2000, 256)).getEncoded();

        assertThat(Passwords.pbkdf2("k7mq-t3xe-9hpa".getBytes(StandardCharsets.UTF_8), salt, 2000, 32)).isEqualTo(jdk);
    }

    @Test
    void theFixturesThePythonTestUsesVerify() {
        // Made once by Passwords.hash and pasted into aula/tests/test_authenticator.py: the Hub must accept what Java writes.
        assertThat(Passwords.verify("k7mq-t3xe-9hpa",
                "pbkdf2_sha256$600000$2yTDLYO0YWssxDxpnw3GXA==$dQkVOkGSbP8aGhDUlynIO/OPJN3BL13XLplx+jUywJM=")).isTrue();
        assertThat(Passwords.verify("contraseña-de-ñandú",
                "pbkdf2_sha256$600000$NO43qtILPu/ob5SqnnqvWw==$R4cefLZ1XfyCdp4a6EaOilX1zCYzsld92obbJdDqVX0=")).isTrue();
    }
}
