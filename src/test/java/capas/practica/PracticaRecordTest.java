package capas.practica;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.lab.Capas;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check, hint and solution of a práctica leaves its line in the student's record; in an
 * exam the solution is refused and leaves none; a record that cannot be written never stops a check.
 */
class PracticaRecordTest {
    @TempDir
    Path dir;

    /** Task 1 is right when the answer is "bien"; its hints and solution are in its bundle beside this test. */
    static final class Sample implements PracticaDefinition {
        @Override
        public String id() {
            return "p0-registro";
        }

        @Override
        public Mode mode() {
            return Mode.ROOTLESS;
        }

        @Override
        public String prepare(Capas lab) {
            return "";
        }

        @Override
        public Map<Integer, Task> tasks(Capas lab) {
            return Map.of(1, answer -> "bien".equals(answer) ? Verdict.right(1, "Bien: es la capa del contenedor.")
                    : Verdict.wrong(1, "Esa es la capa de la imagen, no la del contenedor: el fichero lo escribió el contenedor después de arrancar."));
        }
    }

    private ProgressLog log() {
        return new ProgressLog(dir.resolve("capas/progreso.jsonl"));
    }

    private Practica practica(boolean exam) {
        return new Practica(new Sample(), null, log(), exam);
    }

    private static String line(ProgressEntry e) {
        return e.notebook() + " " + e.step() + " " + e.action() + " " + e.correct() + " " + e.hints() + " «" + e.detail() + "»";
    }

    @Test
    void checksHintsAndTheSolutionAreRecordedWithTheHintsAskedSoFar() {
        Practica p = practica(false);
        p.comprobar(1, "mal");
        p.pista(1);
        p.comprobar(1, "bien");
        p.solucion(1);
        assertThat(log().read()).extracting(PracticaRecordTest::line).containsExactly(
                "p0-registro 1 CHECK false 0 «Esa es la capa de la imagen, no la del contenedor: el …»",
                "p0-registro 1 HINT null 1 «1»",
                "p0-registro 1 CHECK true 1 «»",
                "p0-registro 1 SOLUTION null 1 «»");
    }

    @Test
    void aHintThatIsNotThereIsNotRecorded() {
        Practica p = practica(false);
        p.pista(1);
        p.pista(1);
        assertThat(p.pista(1).toString()).contains("No hay más pistas (2 ya dadas)");
        assertThat(log().read()).extracting(ProgressEntry::action).containsExactly(Action.HINT, Action.HINT);
    }

    @Test
    void inAnExamTheSolutionIsRefusedAndNothingIsRecordedButHintsStillWork() {
        Practica p = practica(true);
        String refused = p.solucion(1).toString();
        assertThat(refused).contains("En un examen no se muestran las soluciones").doesNotContain("bien");
        assertThat(log().read()).isEmpty();
        assertThat(p.pista(1).toString()).contains("Mira en el almacén.");
        assertThat(log().read()).extracting(ProgressEntry::action).containsExactly(Action.HINT);
        assertThat(p.examen()).isTrue();
    }

    @Test
    void aRecordThatCannotBeWrittenNeverStopsACheckAndIsReportedOnce() throws Exception {
        // The record's folder is a regular file: every append fails.
        Files.writeString(dir.resolve("capas"), "no es una carpeta");
        Practica p = practica(false);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(p.comprobar(1, "bien").correct()).isTrue();
            assertThat(p.comprobar(1, "mal").correct()).isFalse();
            assertThat(p.pista(1).toString()).contains("Mira en el almacén.");
        } finally {
            System.setErr(err);
        }
        String warned = captured.toString(StandardCharsets.UTF_8);
        assertThat(warned).contains("no se ha podido anotar tu progreso en " + dir.resolve("capas/progreso.jsonl"));
        assertThat(warned.lines().count()).as("warned once").isEqualTo(1);
    }

    @Test
    void theRecordKeepsTheFirstWordsOfAWrongVerdict() {
        assertThat(Practica.firstWords("  Falta   la etiqueta.  ")).isEqualTo("Falta la etiqueta.");
        assertThat(Practica.firstWords("uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece"))
                .isEqualTo("uno dos tres cuatro cinco seis siete ocho nueve diez once doce …");
    }
}
