package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;

import capas.progress.Action;
import capas.progress.ProgressEntry;
import capas.progress.ProgressLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student's record read by root from a home the student controls: nothing followed, nothing unbounded. */
class StudentRecordTest {
    @TempDir
    Path dir;

    private Path home() throws Exception {
        return Files.createDirectories(dir.resolve("capas-aula-ana-home").resolve("_data"));
    }

    private static void check(Path home, String notebook, boolean correct) {
        ProgressLog.ofHome(home).append(new ProgressEntry(Instant.parse("2026-12-05T10:00:00Z"), notebook, "paso", Action.CHECK, correct, 0, ""));
    }

    @Test
    void theRecordInTheHomeIsRead() throws Exception {
        Path home = home();
        check(home, "03", true);
        check(home, "p1-overlay-a-mano", false);

        StudentRecord.Read read = StudentRecord.read(home);

        assertThat(read.problem()).isEmpty();
        assertThat(read.entries()).extracting(ProgressEntry::notebook).containsExactly("03", "p1-overlay-a-mano");
    }

    @Test
    void noRecordYetIsNoEntriesAndNoProblem() throws Exception {
        Path home = home();
        assertThat(StudentRecord.read(home)).isEqualTo(new StudentRecord.Read(java.util.List.of(), java.util.Optional.empty()));
        Files.createDirectories(home.resolve(".local/share"));
        assertThat(StudentRecord.read(home).problem()).isEmpty();
    }

    @Test
    void aSymlinkedRecordIsRefusedNotFollowed() throws Exception {
        Path elsewhere = dir.resolve("ajeno");
        check(elsewhere, "03", true);
        Path home = home();
        Files.createDirectories(home.resolve(".local/share/capas"));
        Files.createSymbolicLink(home.resolve(".local/share/capas/progreso.jsonl"), ProgressLog.ofHome(elsewhere).file());

        StudentRecord.Read read = StudentRecord.read(home);

        assertThat(read.entries()).isEmpty();
        assertThat(read.problem()).contains(".local/share/capas/progreso.jsonl es un enlace simbólico: no se sigue");
    }

    @Test
    void aSymlinkedFolderOnTheWayIsRefusedToo() throws Exception {
        Path elsewhere = dir.resolve("ajeno");
        check(elsewhere, "03", true);
        Path home = home();
        Files.createSymbolicLink(home.resolve(".local"), elsewhere.resolve(".local"));

        StudentRecord.Read read = StudentRecord.read(home);

        assertThat(read.entries()).isEmpty();
        assertThat(read.problem()).contains(".local es un enlace simbólico: no se sigue");
    }

    @Test
    void aFolderWhereTheRecordShouldBeIsRefused() throws Exception {
        Path home = home();
        Files.createDirectories(home.resolve(".local/share/capas/progreso.jsonl"));

        assertThat(StudentRecord.read(home).problem()).contains(".local/share/capas/progreso.jsonl no es un fichero normal");
    }

    @Test
    void aRecordPastTheCapIsRefusedUnread() throws Exception {
        Path home = home();
        for (int i = 0; i < 20; i++) {
            check(home, "03", true);
        }
        long size = Files.size(ProgressLog.ofHome(home).file());

        assertThat(StudentRecord.read(home, size).entries()).hasSize(20);
        StudentRecord.Read read = StudentRecord.read(home, size - 1);
        assertThat(read.entries()).isEmpty();
        assertThat(read.problem()).contains("ocupa " + size + " bytes, más de los " + (size - 1) + " que se leen");
    }
}
