package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lab progreso} prints the record as a table with a line a notebook, or as CSV alone. */
class ProgresoCommandTest {
    @TempDir
    Path dir;

    private ProgressLog record() {
        var log = new ProgressLog(dir.resolve("progreso.jsonl"));
        log.append(new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "p3-donde-esta-tu-fichero", "1", Action.CHECK, false, 0, "mal"));
        log.append(new ProgressEntry(Instant.parse("2026-12-05T10:01:00Z"), "p3-donde-esta-tu-fichero", "1", Action.HINT, null, 1, "1"));
        log.append(new ProgressEntry(Instant.parse("2026-12-05T10:02:00Z"), "p3-donde-esta-tu-fichero", "1", Action.CHECK, true, 1, ""));
        log.append(new ProgressEntry(Instant.parse("2026-12-05T10:03:00Z"), "p3-donde-esta-tu-fichero", "2", Action.SOLUTION, null, 0, ""));
        return log;
    }

    private static String print(ProgressLog log, boolean csv) {
        var out = new ByteArrayOutputStream();
        assertThat(ProgresoCommand.show(log, csv, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsATableAndASummaryLineANotebook() {
        String text = print(record(), false);
        assertThat(text).startsWith("Progreso anotado en " + dir.resolve("progreso.jsonl") + "\nCuaderno ")
                .containsPattern("p3-donde-esta-tu-fichero +1 +bien +2 +1 +no ")
                .containsPattern("p3-donde-esta-tu-fichero +2 +— +0 +0 +sí ")
                .endsWith("\n\np3-donde-esta-tu-fichero: 1 de 1 comprobaciones bien\n");
    }

    @Test
    void csvPrintsOnlyTheCsv() {
        assertThat(print(record(), true)).isEqualTo("""
                Cuaderno,Paso,Último resultado,Intentos,Pistas,Solución vista,Última vez
                p3-donde-esta-tu-fichero,1,bien,2,1,no,2026-12-05T10:02:00Z
                p3-donde-esta-tu-fichero,2,,0,0,sí,2026-12-05T10:03:00Z
                """);
    }

    @Test
    void noRecordYetSaysWhereItWillBe() {
        assertThat(print(new ProgressLog(dir.resolve("nada.jsonl")), false)).startsWith("Todavía no hay nada anotado en " + dir.resolve("nada.jsonl"));
    }

    @Test
    void rootReadsTheLabUsersRecordWhereTheKernelsItStartsWriteIt() {
        Path home = dir.resolve("home/alumno");
        assertThat(ProgresoCommand.record(true, "alumno", u -> u.equals("alumno") ? Optional.of(home) : Optional.empty()).file())
                .isEqualTo(home.resolve(".local/share/capas/progreso.jsonl"));
        assertThatThrownBy(() -> ProgresoCommand.record(true, "nadie", u -> Optional.empty())).isInstanceOf(CapasException.class)
                .hasMessageContaining("No existe el usuario del laboratorio «nadie»");
        assertThat(ProgresoCommand.record(false, "alumno", u -> Optional.of(home)).file()).isEqualTo(ProgressLog.ofThisUser().file());
    }

    @Test
    void onlyCsvIsAnOption() {
        assertThat(ProgresoCommand.parse(new String[0])).isFalse();
        assertThat(ProgresoCommand.parse(new String[] {"--csv"})).isTrue();
        assertThatThrownBy(() -> ProgresoCommand.parse(new String[] {"--todo"})).isInstanceOf(CapasException.class)
                .hasMessage("Uso: ./lab progreso [--csv]");
    }
}
