package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher's alumnos.csv as spreadsheets export it, and every mistake in it said at once. */
class RosterTest {
    @TempDir
    Path dir;

    @Test
    void aSpanishSpreadsheetsExportWithHeaderSemicolonsAndBom() throws Exception {
        Path csv = dir.resolve("alumnos.csv");
        Files.write(csv, "\uFEFFnombre;contraseña;rol\r\nana;;\r\nluis;secreto-de-luis;alumno\r\nmarta;;profesor\r\n"
                .getBytes(StandardCharsets.UTF_8));

        Roster roster = Roster.read(csv);

        assertThat(roster.people()).extracting(Roster.Person::name).containsExactly("ana", "luis", "marta");
        assertThat(roster.people()).extracting(Roster.Person::role).containsExactly(Role.ALUMNO, Role.ALUMNO, Role.PROFESOR);
        assertThat(roster.people()).extracting(Roster.Person::password)
                .containsExactly(Optional.empty(), Optional.of("secreto-de-luis"), Optional.empty());
        assertThat(roster.people()).extracting(Roster.Person::line).containsExactly(2, 3, 4);
    }

    @Test
    void namesAloneWithCommentsAndBlankLines() {
        Roster roster = Roster.parse("# 2º B\n\nana\n  pedro_2  \n# fin\n", "alumnos.csv");

        assertThat(roster.people()).extracting(Roster.Person::name).containsExactly("ana", "pedro_2");
        assertThat(roster.people()).allSatisfy(p -> assertThat(p.role()).isEqualTo(Role.ALUMNO));
    }

    @Test
    void theSeparatorIsTheFirstOneSeenEvenAfterNamesAlone() {
        Roster roster = Roster.parse("ana\nluis;clave,con,comas\neva;;profesor\n", "alumnos.csv");

        assertThat(roster.people()).extracting(Roster.Person::name).containsExactly("ana", "luis", "eva");
        assertThat(roster.people().get(1).password()).contains("clave,con,comas");
        assertThat(roster.people().get(2).role()).isEqualTo(Role.PROFESOR);
    }

    @Test
    void commasAndQuotedCellsKeepASeparatorInsideAPassword() {
        Roster roster = Roster.parse("nombre,contraseña\nana,\"uno,dos;tres\"\"\"\n", "alumnos.csv");

        assertThat(roster.people().get(0).password()).contains("uno,dos;tres\"");
    }

    @Test
    void everyBadLineIsReportedAtOnceWithItsNumber() {
        String csv = String.join("\n",
                "nombre;contraseña;rol",
                "Ana",
                "ana",
                "1pedro",
                "root",
                "luis;corta",
                "marta;;directora",
                "ana",
                "eva;;alumno;extra",
                "\"sin cerrar",
                ";clave-larga-buena",
                "nombre-demasiado-largo-para-una-cuenta-de-verdad");

        assertThatThrownBy(() -> Roster.parse(csv, "alumnos.csv"))
                .isInstanceOfSatisfying(CapasException.class, e -> {
                    assertThat(e.getMessage()).contains("alumnos.csv tiene 10 errores", "no se ha creado ninguna cuenta")
                            .contains("línea 2: «Ana» no vale como nombre: sólo minúsculas (¿«ana»?)")
                            .contains("línea 4: «1pedro» no vale como nombre")
                            .contains("línea 5: «root» es un nombre reservado")
                            .contains("línea 6: la contraseña de luis es demasiado corta (mínimo 8 caracteres)")
                            .contains("línea 7: rol «directora» desconocido")
                            .contains("línea 8: ana ya aparece en la línea 3")
                            .contains("línea 9: 4 columnas")
                            .contains("línea 10: unas comillas que no se cierran")
                            .contains("línea 11: falta el nombre")
                            .contains("línea 12: «nombre-demasiado-largo-para-una-cuenta-de-verdad» no vale como nombre");
                    assertThat(e.hint()).contains("nombre[;contraseña[;rol]]");
                });
    }

    @Test
    void aHeaderIsOnlyTheFirstLine() {
        assertThatThrownBy(() -> Roster.parse("ana\nnombre\n", "alumnos.csv"))
                .hasMessageContaining("línea 2: «nombre» es un nombre reservado");
    }

    @Test
    void theNameInsideEveryContainerAndTheRolesAreReserved() {
        for (String name : Roster.RESERVED) {
            assertThatThrownBy(() -> Roster.parse("ana\n" + name + "\n", "alumnos.csv")).as(name).hasMessageContaining("nombre reservado");
        }
    }

    @Test
    void aRosterWithNobodyIsAMistake() {
        assertThatThrownBy(() -> Roster.parse("nombre;contraseña\n# nadie\n", "alumnos.csv"))
                .hasMessageContaining("no tiene ninguna persona");
    }

    @Test
    void aFileThatIsNotUtf8IsSaidSo() throws Exception {
        Path csv = dir.resolve("alumnos.csv");
        Files.write(csv, "nombre\nnuñez\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Roster.read(csv)).isInstanceOfSatisfying(CapasException.class,
                e -> assertThat(e.hint()).contains("CSV UTF-8"));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> Roster.read(dir.resolve("no-esta.csv"))).hasMessageContaining("no-esta.csv");
    }
}
