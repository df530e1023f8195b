package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;

import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class grid: a row per student and notebook, from each student's record, with homes in temp folders. */
class ClassGridTest {
    @TempDir
    Path dir;

    private final Map<String, Path> folders = new HashMap<>();
    private final ClassGrid.Homes homes = student -> Optional.ofNullable(folders.get(student));
    private Accounts accounts;

    @BeforeEach
    void aClassOfThreeStudentsAndATeacher() {
        accounts = Accounts.empty().merge(Roster.parse("luis\nana\nmarta;;profesor\neva\n", "alumnos.csv"), p -> Passwords.hash(p, 1000))
                .accounts();
    }

    private Path home(String student) throws Exception {
        Path home = Files.createDirectories(dir.resolve("alumnos").resolve(student).resolve("home"));
        folders.put(student, home);
        return home;
    }

    private static void add(Path home, int minute, String notebook, String step, Action action, Boolean correct, int hints) {
        ProgressLog.ofHome(home).append(new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z").plusSeconds(60L * minute), notebook, step,
                action, correct, hints, ""));
    }

    @Test
    void aRowPerStudentAndNotebookSummarisedAsProgresoDoes() throws Exception {
        Path ana = home("ana");
        add(ana, 0, "03", "fichero-en-la-capa", Action.PREDICTION, true, 0);
        add(ana, 1, "03", "fichero-en-la-capa", Action.CHECK, false, 0);
        add(ana, 2, "03", "fichero-en-la-capa", Action.CHECK, true, 0);
        add(ana, 3, "03", "whiteout", Action.CHECK, false, 0);
        add(ana, 4, "p1-overlay-a-mano", "1", Action.HINT, null, 1);
        add(ana, 5, "p1-overlay-a-mano", "1", Action.HINT, null, 2);
        add(ana, 6, "p1-overlay-a-mano", "2", Action.SOLUTION, null, 0);
        add(ana, 7, "p1-overlay-a-mano", "1", Action.CHECK, true, 2);
        home("luis");

        ClassGrid grid = ClassGrid.of(accounts, homes);

        assertThat(grid.csv()).isEqualTo("""
                alumno,cuaderno,comprobados,correctos,pistas,soluciones,predicciones,predicciones_acertadas,ultima_actividad
                ana,03,2,1,0,0,1,1,2026-12-05T10:03:00Z
                ana,p1,1,1,2,1,0,0,2026-12-05T10:07:00Z
                eva,,0,0,0,0,0,0,
                luis,,0,0,0,0,0,0,
                """);
        assertThat(grid.problems()).isEmpty();
        assertThat(grid.rows()).extracting(ClassGrid.Row::student).doesNotContain("marta");
    }

    @Test
    void aSymlinkedRecordIsReportedAsUnreadableAndItsCountsLeftEmpty() throws Exception {
        Path ana = home("ana");
        add(ana, 0, "03", "fichero-en-la-capa", Action.CHECK, true, 0);
        Path luis = home("luis");
        Files.createSymbolicLink(luis.resolve(".local"), ana.resolve(".local"));

        ClassGrid grid = ClassGrid.of(accounts, homes);

        assertThat(grid.csv()).contains("\nluis,,,,,,,,\n").contains("\nana,03,1,1,");
        assertThat(grid.problems()).singleElement().satisfies(p -> {
            assertThat(p.student()).isEqualTo("luis");
            assertThat(p.reason()).contains("enlace simbólico");
        });
    }

    @Test
    void aNotebookNameFromTheStudentsFileNeverBecomesAFormula() throws Exception {
        add(home("ana"), 0, "=HYPERLINK(\"http://x\",\"03\")", "1", Action.CHECK, true, 0);

        assertThat(ClassGrid.of(accounts, homes).csv()).contains("\nana,\"'=HYPERLINK(\"\"http://x\"\",\"\"03\"\")\",1,1,");
    }

    @Test
    void theTableHasSpanishHeadersAndLocalTime() throws Exception {
        add(home("ana"), 0, "03", "fichero-en-la-capa", Action.CHECK, true, 0);

        var table = ClassGrid.of(accounts, homes).table(ZoneId.of("Europe/Madrid"));

        assertThat(table.headers()).containsExactly("Alumno", "Cuaderno", "Comprobados", "Correctos", "Pistas", "Soluciones", "Predicciones",
                "Acertadas", "Última actividad");
        assertThat(table.rows().get(0)).isEqualTo(List.of("ana", "03", "1", "1", "0", "0", "0", "0", "2026-12-05 11:00"));
    }

    @Test
    void aPracticaIsNamedAsTheTeacherDoes() {
        assertThat(ClassGrid.shortName("p1-overlay-a-mano")).isEqualTo("p1");
        assertThat(ClassGrid.shortName("03")).isEqualTo("03");
        assertThat(ClassGrid.shortName("pepe")).isEqualTo("pepe");
    }
}
