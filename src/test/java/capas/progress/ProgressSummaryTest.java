package capas.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record read back step by step: last verdict, attempts, hints, solution, last time; one line a notebook. */
class ProgressSummaryTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static ProgressEntry at(int minute, String notebook, String step, Action action, Boolean correct, int hints) {
        return new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z").plusSeconds(60L * minute), notebook, step, action, correct, hints, "");
    }

    private static final List<ProgressEntry> RECORD = List.of(
            at(0, "p3-donde-esta-tu-fichero", "3", Action.CHECK, false, 0),
            at(1, "03", "capa-del-contenedor", Action.CHECK, true, 0),
            at(1, "03", "capa-del-contenedor", Action.PREDICTION, false, 0),
            at(2, "p3-donde-esta-tu-fichero", "3", Action.HINT, null, 1),
            at(3, "p3-donde-esta-tu-fichero", "3", Action.HINT, null, 2),
            at(4, "p3-donde-esta-tu-fichero", "10", Action.CHECK, true, 0),
            at(5, "p3-donde-esta-tu-fichero", "3", Action.CHECK, true, 2),
            at(6, "p3-donde-esta-tu-fichero", "1", Action.SOLUTION, null, 0),
            at(7, "03", "whiteout", Action.CHECK, true, 0),
            at(8, "03", "whiteout", Action.CHECK, false, 0));

    @Test
    void oneRowAStepWithItsLastVerdictAttemptsHintsAndSolution() {
        var summary = ProgressSummary.of(RECORD, MADRID);
        assertThat(summary.headers()).containsExactly("Cuaderno", "Paso", "Último resultado", "Intentos", "Pistas", "Solución vista", "Última vez");
        assertThat(summary.rows()).containsExactly(
                List.of("03", "capa-del-contenedor", "bien", "1", "0", "no", "2026-12-05 11:01"),
                List.of("03", "whiteout", "mal", "2", "0", "no", "2026-12-05 11:08"),
                List.of("p3-donde-esta-tu-fichero", "1", "—", "0", "0", "sí", "2026-12-05 11:06"),
                List.of("p3-donde-esta-tu-fichero", "3", "bien", "2", "2", "no", "2026-12-05 11:05"),
                List.of("p3-donde-esta-tu-fichero", "10", "bien", "1", "0", "no", "2026-12-05 11:04"));
    }

    @Test
    void aSummaryLineANotebookCountsStepsWhoseLastCheckWasRight() {
        assertThat(ProgressSummary.of(RECORD, MADRID).summaries()).containsExactly(
                "03: 1 de 2 comprobaciones bien; 0 de 1 predicciones acertadas",
                "p3-donde-esta-tu-fichero: 2 de 2 comprobaciones bien");
    }

    @Test
    void theCsvHasTheSameColumnsAndTheRecordsTime() {
        String csv = ProgressSummary.of(RECORD.subList(0, 2), MADRID).csv();
        assertThat(csv).isEqualTo("""
                Cuaderno,Paso,Último resultado,Intentos,Pistas,Solución vista,Última vez
                03,capa-del-contenedor,bien,1,0,no,2026-12-05T10:01:00Z
                p3-donde-esta-tu-fichero,3,mal,1,0,no,2026-12-05T10:00:00Z
                """);
    }

    @Test
    void theCsvQuotesWhatWouldBreakAColumn() {
        var odd = new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "03", "uno, \"dos\"", Action.CHECK, null, 0, "");
        assertThat(ProgressSummary.of(List.of(odd), MADRID).csv()).contains("\n03,\"uno, \"\"dos\"\"\",,1,0,no,");
    }

    @Test
    void noRecordIsAnEmptySummary() {
        var summary = ProgressSummary.of(List.of(), MADRID);
        assertThat(summary.isEmpty()).isTrue();
        assertThat(summary.rows()).isEmpty();
        assertThat(summary.csv()).isEqualTo("Cuaderno,Paso,Último resultado,Intentos,Pistas,Solución vista,Última vez\n");
    }

    @Test
    void aResetForgetsThatNotebooksEarlierLinesOnly() {
        List<ProgressEntry> record = new java.util.ArrayList<>(RECORD);
        record.add(at(9, "p3-donde-esta-tu-fichero", "", Action.RESET, null, 0));
        record.add(at(10, "p3-donde-esta-tu-fichero", "2", Action.CHECK, false, 0));

        var summary = ProgressSummary.of(record, MADRID);

        assertThat(summary.rows()).containsExactly(
                List.of("03", "capa-del-contenedor", "bien", "1", "0", "no", "2026-12-05 11:01"),
                List.of("03", "whiteout", "mal", "2", "0", "no", "2026-12-05 11:08"),
                List.of("p3-donde-esta-tu-fichero", "2", "mal", "1", "0", "no", "2026-12-05 11:10"));
        assertThat(summary.summaries()).containsExactly(
                "03: 1 de 2 comprobaciones bien; 0 de 1 predicciones acertadas",
                "p3-donde-esta-tu-fichero: 0 de 1 comprobaciones bien");
    }

    @Test
    void aNotebookJustResetIsNotListed() {
        List<ProgressEntry> record = new java.util.ArrayList<>(RECORD);
        record.add(at(9, "03", "", Action.RESET, null, 0));

        assertThat(ProgressSummary.of(record, MADRID).notebooks()).extracting(ProgressSummary.Notebook::notebook)
                .containsExactly("p3-donde-esta-tu-fichero");
        assertThat(ProgressSummary.of(List.of(at(0, "03", "", Action.RESET, null, 0)), MADRID).isEmpty()).isTrue();
    }
}
