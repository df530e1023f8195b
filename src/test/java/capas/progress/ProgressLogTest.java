package capas.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record is appended to line by line, and read back whatever else is in the file. */
class ProgressLogTest {
    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasAppendedInOrder() {
        var log = new ProgressLog(dir.resolve("capas/progreso.jsonl"));
        var check = new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "03", "fichero-en-la-capa", Action.CHECK, true, 0, "");
        var hint = new ProgressEntry(Instant.parse("2026-12-05T10:01:00Z"), "p3-donde-esta-tu-fichero", "3", Action.HINT, null, 2, "2");
        log.append(check);
        log.append(hint);
        assertThat(log.read()).containsExactly(check, hint);
    }

    @Test
    void noRecordYetIsEmpty() {
        assertThat(new ProgressLog(dir.resolve("nada.jsonl")).read()).isEmpty();
    }

    @Test
    void skipsLinesItCannotReadAndKeepsTheRest() throws Exception {
        var file = dir.resolve("progreso.jsonl");
        var log = new ProgressLog(file);
        var ok = new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "01", "x", Action.CHECK, false, 0, "a <b> & \"c\"");
        Files.writeString(file, "{\"v\":2,\"time\":\"x\"}\nnot json\n" + ProgressLog.toJson(ok) + "\n{\"v\":1,\"time\":\"2026-12-05T10");
        assertThat(log.read()).containsExactly(ok);
    }

    @Test
    void oneLineAnEntryWithTheDocumentedFields() {
        var e = new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "03", "s", Action.PREDICTION, false, 0, "línea\nnueva");
        assertThat(ProgressLog.toJson(e)).doesNotContain("\n")
                .isEqualTo("{\"v\":1,\"time\":\"2026-12-05T10:00:00Z\",\"notebook\":\"03\",\"step\":\"s\",\"action\":\"prediction\","
                        + "\"correct\":false,\"hints\":0,\"detail\":\"línea\\nnueva\"}");
    }
}
