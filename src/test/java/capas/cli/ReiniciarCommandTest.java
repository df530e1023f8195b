package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import capas.progress.ProgressSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reiniciar}: the student's copy kept aside, the original back, the lesson's stores cleaned, the record told. */
class ReiniciarCommandTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    private Path pristine;
    private Path checkout;
    private ProgressLog record;
    private final List<String> cleaned = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void anOriginalAndAStudentsCopy() throws Exception {
        pristine = dir.resolve("opt-capas");
        checkout = dir.resolve("home-capas");
        for (Path root : List.of(pristine, checkout)) {
            Files.createDirectories(root.resolve("notebooks"));
            Files.createDirectories(root.resolve("labs"));
            Files.createSymbolicLink(root.resolve("notebooks/practicas"), Path.of("../labs"));
        }
        Files.writeString(pristine.resolve("notebooks/03-almacenamiento-de-contenedores.ipynb"), "original 03");
        Files.writeString(pristine.resolve("notebooks/04-almacenamiento-rootless.ipynb"), "original 04");
        Files.writeString(pristine.resolve("labs/p1-overlay-a-mano.ipynb"), "original p1");
        Files.writeString(checkout.resolve("notebooks/03-almacenamiento-de-contenedores.ipynb"), "trabajo de ana en 03");
        Files.writeString(checkout.resolve("notebooks/04-almacenamiento-rootless.ipynb"), "trabajo de ana en 04");
        Files.writeString(checkout.resolve("labs/p1-overlay-a-mano.ipynb"), "trabajo de ana en p1");
        record = new ProgressLog(dir.resolve("progreso.jsonl"));
        record.append(new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), "03", "fichero-en-la-capa", Action.CHECK, true, 0, ""));
        record.append(new ProgressEntry(Instant.parse("2026-12-05T10:01:00Z"), "04", "uid", Action.CHECK, true, 0, ""));
        record.append(new ProgressEntry(Instant.parse("2026-12-05T10:02:00Z"), "p1-overlay-a-mano", "1", Action.CHECK, false, 0, ""));
    }

    private Path reset(String given) {
        return ReiniciarCommand.reset(given, pristine, checkout, record, cleaned::add, NOON, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private List<String> notebooksInSummary() {
        return ProgressSummary.of(record.read()).notebooks().stream().map(ProgressSummary.Notebook::notebook).toList();
    }

    @Test
    void aLessonIsResetAndTheStudentsCopyKeptAside() throws Exception {
        Path kept = reset("03");

        assertThat(kept).isEqualTo(checkout.resolve("notebooks/.copias/03-almacenamiento-de-contenedores-20261205-120000.ipynb"));
        assertThat(Files.readString(kept)).isEqualTo("trabajo de ana en 03");
        assertThat(Files.readString(checkout.resolve("notebooks/03-almacenamiento-de-contenedores.ipynb"))).isEqualTo("original 03");
        assertThat(Files.readString(checkout.resolve("notebooks/04-almacenamiento-rootless.ipynb"))).isEqualTo("trabajo de ana en 04");
        assertThat(cleaned).containsExactly("03");
        assertThat(notebooksInSummary()).containsExactly("04", "p1-overlay-a-mano");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("notebooks/.copias/03-almacenamiento-de-contenedores-20261205-120000.ipynb");
    }

    @Test
    void aPracticaByItsFileNameIsResetInLabsAndItsRecordForgotten() throws Exception {
        Path kept = reset("p1-overlay-a-mano.ipynb");

        assertThat(kept).isEqualTo(checkout.resolve("notebooks/.copias/p1-overlay-a-mano-20261205-120000.ipynb"));
        assertThat(Files.readString(checkout.resolve("labs/p1-overlay-a-mano.ipynb"))).isEqualTo("original p1");
        assertThat(cleaned).containsExactly("p1");
        assertThat(notebooksInSummary()).containsExactly("03", "04");
    }

    @Test
    void workAfterTheResetCountsAgain() {
        reset("p1");
        record.append(new ProgressEntry(Instant.parse("2026-12-05T12:05:00Z"), "p1-overlay-a-mano", "1", Action.CHECK, true, 0, ""));

        ProgressSummary.Notebook p1 = ProgressSummary.of(record.read()).notebooks().get(2);
        assertThat(p1.notebook()).isEqualTo("p1-overlay-a-mano");
        assertThat(p1.passed()).isEqualTo(1);
        assertThat(p1.checked()).isEqualTo(1);
    }

    @Test
    void twoResetsInTheSameSecondKeepBothCopies() throws Exception {
        Path first = reset("03");
        Files.writeString(checkout.resolve("notebooks/03-almacenamiento-de-contenedores.ipynb"), "segundo intento");
        Path second = reset("03");

        assertThat(second).isNotEqualTo(first).hasFileName("03-almacenamiento-de-contenedores-20261205-120000-2.ipynb");
        assertThat(Files.readString(first)).isEqualTo("trabajo de ana en 03");
        assertThat(Files.readString(second)).isEqualTo("segundo intento");
    }

    @Test
    void aNotebookTheStudentDeletedIsSimplyCopiedBack() throws Exception {
        Files.delete(checkout.resolve("labs/p1-overlay-a-mano.ipynb"));

        assertThat(reset("p1")).isNull();
        assertThat(Files.readString(checkout.resolve("labs/p1-overlay-a-mano.ipynb"))).isEqualTo("original p1");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no había copia del alumno");
    }

    @Test
    void anUnknownNotebookNamesTheOnesThereAre() {
        assertThatThrownBy(() -> reset("p9")).isInstanceOfSatisfying(CapasException.class, e -> {
            assertThat(e.getMessage()).contains("«p9»");
            assertThat(e.hint()).contains("03-almacenamiento-de-contenedores.ipynb", "p1-overlay-a-mano.ipynb");
        });
        assertThat(cleaned).isEmpty();
    }

    @Test
    void theOriginalIsNeverTheStudentsCopy() {
        assertThatThrownBy(() -> ReiniciarCommand.reset("03", pristine, pristine, record, cleaned::add, NOON, System.out))
                .hasMessageContaining("a la vez la copia original y la del alumno");
        assertThat(cleaned).isEmpty();
    }

    @Test
    void theArgumentsNeedANotebookAndTheOriginal() {
        assertThatThrownBy(() -> ReiniciarCommand.run(new String[] {"03"})).hasMessageStartingWith("Uso: java -jar capas.jar reiniciar");
        assertThatThrownBy(() -> ReiniciarCommand.run(new String[] {"--desde", "/opt/capas"})).hasMessageStartingWith("Uso:");
        assertThatThrownBy(() -> ReiniciarCommand.run(new String[] {"03", "04", "--desde", "/x"})).hasMessageStartingWith("Uso:");
    }
}
