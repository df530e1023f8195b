package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cuentas.json: a roster merged in, indices never reused, codes made once, the file root's alone. */
class AccountsTest {
    /** Few iterations: 600,000 a hash would make these tests slow, and the format is the same. */
    private static final UnaryOperator<String> QUICK = p -> Passwords.hash(p, 1000);

    @TempDir
    Path dir;

    private static Roster roster(String csv) {
        return Roster.parse(csv, "alumnos.csv");
    }

    @Test
    void aFirstRosterGivesIndicesInOrderAndCodesToThoseWithoutPassword() {
        Accounts.Merge merge = Accounts.empty().merge(roster("ana\nluis;clave-de-luis\nmarta;;profesor\n"), QUICK);

        assertThat(merge.accounts().all()).extracting(Accounts.Account::name, Accounts.Account::index, Accounts.Account::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ana", 0, Role.ALUMNO),
                        org.assertj.core.groups.Tuple.tuple("luis", 1, Role.ALUMNO),
                        org.assertj.core.groups.Tuple.tuple("marta", 2, Role.PROFESOR));
        assertThat(merge.issued()).extracting(Accounts.Issued::name).containsExactly("ana", "marta");
        assertThat(merge.added()).containsExactly("ana", "luis", "marta");
        Accounts.Issued ana = merge.issued().get(0);
        assertThat(Passwords.verify(ana.code(), merge.accounts().find("ana").orElseThrow().hash())).isTrue();
        assertThat(Passwords.verify("clave-de-luis", merge.accounts().find("luis").orElseThrow().hash())).isTrue();
        assertThat(merge.accounts().students()).extracting(Accounts.Account::name).containsExactly("ana", "luis");
    }

    @Test
    void aSecondRosterKeepsIndicesAndHashesAndNeverReusesAnIndex() {
        Accounts first = Accounts.empty().merge(roster("ana\nluis\nmarta\n"), QUICK).accounts();

        // marta left the class (not in the CSV), luis got a password from the teacher, eva is new.
        Accounts.Merge second = first.merge(roster("eva\nluis;nueva-clave-luis;profesor\nana\n"), QUICK);

        assertThat(second.accounts().find("ana").orElseThrow()).isEqualTo(first.find("ana").orElseThrow());
        assertThat(second.accounts().find("marta").orElseThrow()).isEqualTo(first.find("marta").orElseThrow());
        assertThat(second.accounts().find("eva").orElseThrow().index()).isEqualTo(3);
        Accounts.Account luis = second.accounts().find("luis").orElseThrow();
        assertThat(luis.index()).isEqualTo(1);
        assertThat(luis.role()).isEqualTo(Role.PROFESOR);
        assertThat(Passwords.verify("nueva-clave-luis", luis.hash())).isTrue();
        assertThat(second.issued()).extracting(Accounts.Issued::name).containsExactly("eva");
        assertThat(second.added()).containsExactly("eva");
        assertThat(second.newPassword()).containsExactly("luis");
        assertThat(second.newRole()).containsExactly("luis");
        assertThat(second.notInRoster()).containsExactly("marta");
    }

    @Test
    void anAccountWhoseHashWasLostGetsANewCode() throws Exception {
        Path file = dir.resolve("cuentas.json");
        Files.writeString(file, """
                {"v":1,"cuentas":[{"nombre":"ana","rol":"alumno","hash":"","indice":4}]}
                """);

        Accounts.Merge merge = Accounts.read(file).merge(roster("ana\n"), QUICK);

        assertThat(merge.issued()).extracting(Accounts.Issued::name).containsExactly("ana");
        assertThat(merge.accounts().find("ana").orElseThrow().index()).isEqualTo(4);
    }

    @Test
    void writtenAsTheContractSaysReadBackTheSameAndRootsAlone() throws Exception {
        Path file = dir.resolve("aula").resolve("cuentas.json");
        Accounts accounts = Accounts.empty().merge(roster("ana;clave-de-ana\nmarta;clave-de-marta;profesor\n"), QUICK).accounts();

        accounts.write(file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Accounts.read(file).all()).isEqualTo(accounts.all());
        String json = Files.readString(file).replaceAll("\\s", "");
        assertThat(json).startsWith("{\"v\":1,\"cuentas\":[{\"nombre\":\"ana\",\"rol\":\"alumno\",\"hash\":\"pbkdf2_sha256$1000$")
                .contains("\"indice\":0}", "{\"nombre\":\"marta\",\"rol\":\"profesor\"", "\"indice\":1}");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void writingReplacesTheFileWholeAndKeepsItPrivate() throws Exception {
        Path file = dir.resolve("cuentas.json");
        Files.writeString(file, "{\"v\":1,\"cuentas\":[]}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Accounts.empty().merge(roster("ana\n"), QUICK).accounts().write(file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Accounts.read(file).all()).extracting(Accounts.Account::name).containsExactly("ana");
    }

    @Test
    void noFileYetIsNoAccounts() {
        assertThat(Accounts.read(dir.resolve("cuentas.json")).all()).isEmpty();
    }

    @Test
    void anotherVersionOrADamagedFileIsRefusedNotOverwritten() throws Exception {
        Path file = dir.resolve("cuentas.json");
        Files.writeString(file, "{\"v\":2,\"cuentas\":[]}");
        assertThatThrownBy(() -> Accounts.read(file)).isInstanceOf(CapasException.class).hasMessageContaining("versión 2");

        Files.writeString(file, "{\"v\":1,\"cuentas\":[{\"nombre\":\"ana\",\"rol\":\"director\",\"hash\":\"\",\"indice\":0}]}");
        assertThatThrownBy(() -> Accounts.read(file)).isInstanceOf(CapasException.class).hasMessageContaining("dañadas");

        Files.writeString(file, "{\"v\":1,");
        assertThatThrownBy(() -> Accounts.read(file)).isInstanceOf(CapasException.class).hasMessageContaining("dañadas");
    }
}
