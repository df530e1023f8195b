package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's copy of the checkout in the lab user's home ({@code sync_checkout} in
 * {@code ./lab}): it brings what the checkout ships and leaves everything else a student keeps
 * there.
 */
class LabCopyTest {
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();

    @Test
    void aStudentsOwnFilesBesideTheLabSurviveTheCopy(@TempDir Path home) throws Exception {
        Path copy = home.resolve("capas");
        sync(copy, "yes");
        Files.writeString(copy.resolve("mis-notas.txt"), "lo que apunté en clase\n");
        Files.createDirectories(copy.resolve("mis-cosas"));
        Files.writeString(copy.resolve("mis-cosas/Containerfile"), "FROM scratch\n");
        Files.writeString(copy.resolve("README.md"), "una copia antigua\n");

        sync(copy, "yes");

        assertThat(copy.resolve("mis-notas.txt")).hasContent("lo que apunté en clase");
        assertThat(copy.resolve("mis-cosas/Containerfile")).hasContent("FROM scratch");
        assertThat(copy.resolve("README.md")).hasSameTextualContentAs(ROOT.resolve("README.md"));
    }

    @Test
    void aNotebookTheStudentChangedIsKeptButTheTestCopyIsFresh(@TempDir Path home) throws Exception {
        Path copy = home.resolve("capas");
        sync(copy, "yes");
        Path notebook;
        try (var notebooks = Files.list(copy.resolve("notebooks"))) {
            notebook = notebooks.filter(p -> p.toString().endsWith(".ipynb")).findFirst().orElseThrow();
        }
        Files.writeString(notebook, "{\"mi\": \"trabajo\"}");

        sync(copy, "yes");
        assertThat(notebook).hasContent("{\"mi\": \"trabajo\"}");

        sync(copy, "no");
        assertThat(notebook).hasSameTextualContentAs(ROOT.resolve("notebooks").resolve(notebook.getFileName()));
    }

    /** {@code sync_checkout DEST KEEP} from the sourced launcher, for this user as the lab user. */
    private static void sync(Path dest, String keepNotebooks) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "source \"$1\" && sync_checkout \"$2\" \"$3\"", "sync",
                ROOT.resolve("lab").toString(), dest.toString(), keepNotebooks).redirectErrorStream(true);
        builder.environment().put("CAPAS_LAB_USER", System.getProperty("user.name"));
        ChildProcess.Result result = ChildProcess.run(builder, Duration.ofMinutes(1));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
