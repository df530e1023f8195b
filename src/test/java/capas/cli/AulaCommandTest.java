package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.aula.Accounts;
import capas.aula.ClassGrid;
import capas.aula.Passwords;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aula cuentas} and {@code aula cuadro}, as root, on a classroom folder of the test's own. */
class AulaCommandTest {
    @TempDir
    Path dir;

    private final ClassGrid.Homes noHomes = student -> Optional.empty();

    private String run(boolean root, ClassGrid.Homes homes, String... args) {
        var out = new ByteArrayOutputStream();
        assertThat(AulaCommand.run(args, root, dir.resolve("aula"), () -> homes, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void cuentasPrintsEachGeneratedCodeOnceAndStoresOnlyItsHash() throws Exception {
        Path csv = Files.writeString(dir.resolve("alumnos.csv"), "nombre;contraseña;rol\nana\nluis;clave-de-luis\n");

        String text = run(true, noHomes, "cuentas", csv.toString());

        Matcher code = Pattern.compile("ana +([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(text).contains("2 en total, 2 nuevas", "no se vuelven a mostrar").doesNotContain("luis  ");
        Path file = dir.resolve("aula").resolve("cuentas.json");
        assertThat(Files.readString(file)).doesNotContain(code.group(1), "clave-de-luis");
        assertThat(Passwords.verify(code.group(1), Accounts.read(file).find("ana").orElseThrow().hash())).isTrue();

        String again = run(true, noHomes, "cuentas", Files.writeString(csv, "luis\n").toString());

        assertThat(again).contains("2 en total, 0 nuevas", "no se borran", ": ana", "No se ha generado ningún código");
        assertThat(Passwords.verify(code.group(1), Accounts.read(file).find("ana").orElseThrow().hash())).isTrue();
    }

    @Test
    void cuadroPrintsTheGridAsCsvOrTable() throws Exception {
        Files.createDirectories(dir.resolve("aula"));
        Files.writeString(dir.resolve("aula").resolve("cuentas.json"),
                "{\"v\":1,\"cuentas\":[{\"nombre\":\"ana\",\"rol\":\"alumno\",\"hash\":\"\",\"indice\":0}]}");
        Path home = Files.createDirectories(dir.resolve("home-ana"));
        ProgressLog.ofHome(home).append(new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "03", "paso", Action.CHECK, true, 0, ""));
        ClassGrid.Homes homes = student -> student.equals("ana") ? Optional.of(home) : Optional.empty();

        assertThat(run(true, homes, "cuadro", "--csv")).isEqualTo("""
                alumno,cuaderno,comprobados,correctos,pistas,soluciones,predicciones,predicciones_acertadas,ultima_actividad
                ana,03,1,1,0,0,0,0,2026-12-05T10:00:00Z
                """);
        assertThat(run(true, homes, "cuadro")).startsWith("Progreso de la clase\nAlumno").containsPattern("ana +03 +1 +1 ");
    }

    @Test
    void cuadroWithoutStudentsSaysHowToCreateThem() {
        assertThat(run(true, noHomes, "cuadro")).contains("aula cuentas ALUMNOS.csv");
    }

    @Test
    void onlyRootMayUseIt() {
        assertThatThrownBy(() -> run(false, noHomes, "cuadro")).isInstanceOfSatisfying(CapasException.class, e -> {
            assertThat(e.getMessage()).contains("«aula cuadro» sólo lo puede ejecutar root");
            assertThat(e.hint()).startsWith("sudo ");
        });
    }

    @Test
    void anUnknownOrderOrArgumentShowsTheUsage() {
        assertThatThrownBy(() -> run(true, noHomes, "ayuda")).hasMessageStartingWith("Uso: sudo ./lab aula ALUMNOS.csv");
        // Anything else is the roster and the options of serving the class, checked before anything is made.
        assertThatThrownBy(() -> run(true, noHomes, "alumnos.csv", "--nada", "1")).hasMessageStartingWith("Opción desconocida: --nada.");
        assertThat(dir.resolve("aula")).doesNotExist();
        assertThatThrownBy(() -> run(true, noHomes, "cuadro", "--html")).hasMessageStartingWith("Uso: java -jar capas.jar aula cuadro");
        assertThatThrownBy(() -> run(true, noHomes, "cuentas")).hasMessageStartingWith("Uso: java -jar capas.jar aula cuentas");
    }
}
