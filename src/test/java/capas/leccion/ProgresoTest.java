package capas.leccion;

import static org.assertj.core.api.Assertions.assertThat;

import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student's progress in a notebook: the record's table and a line a notebook, or where it will be. */
class ProgresoTest {
    @TempDir
    Path dir;

    @Test
    void showsTheTableAndTheSummaryLines() {
        var log = new ProgressLog(dir.resolve("progreso.jsonl"));
        log.append(new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "00", "cuaderno", Action.CHECK, true, 0, ""));
        var progreso = Progreso.of(log);
        assertThat(progreso.toString()).startsWith("Tu progreso (anotado en " + log.file() + ")\nCuaderno")
                .containsPattern("00 +cuaderno +bien +1 +0 +no ").endsWith("\n00: 1 de 1 comprobaciones bien");
        assertThat(progreso.toMimeBundle().get("text/html")).contains("<table", ">cuaderno</td>", "00: 1 de 1 comprobaciones bien");
    }

    @Test
    void anEmptyRecordSaysWhereItWillBe() {
        var progreso = Progreso.of(new ProgressLog(dir.resolve("nada.jsonl")));
        assertThat(progreso.toString()).startsWith("Todavía no hay nada anotado en tu progreso (" + dir.resolve("nada.jsonl") + ")");
        assertThat(progreso.toMimeBundle().get("text/html")).startsWith("<p>Todavía no hay nada");
    }
}
