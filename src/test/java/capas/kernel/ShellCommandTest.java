package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import capas.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShellCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ShellCommand command) {
        return command.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void outputAndStatus() {
        int status = run(new ShellCommand(List.of("bash", "-c", "echo uno; echo dos >&2; exit 3")));
        assertThat(status).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("uno\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("dos\n");
    }

    @Test
    void shellCellsNameTheCourseImageAsJavaDoes() {
        assertThat(run(new ShellCommand(List.of("bash", "-c", "echo \"$CAPAS_IMAGE\"")))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(capas.Env.image() + "\n");
    }

    @Test
    void anEnormousOutputIsCutWithANoteAndTheCommandStillEnds() {
        // About 50 MB: what a student's "cat" of a big file would pour into the browser.
        int status = run(new ShellCommand(List.of("bash", "-c", "yes 0123456789012345678901234567890123456789012345678 | head -c 50000000; exit 4")));
        assertThat(status).isEqualTo(4);
        assertThat(out.size()).isLessThanOrEqualTo((int) ShellCommand.MAX_SHOWN_CHARS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("salida recortada").contains("980.000 líneas más (49 MB)");
    }

    @Test
    void failedStatusReadsInSpanish() {
        assertThat(ShellCommand.failed(1).traceback()).containsExactly("La orden terminó con estado 1");
    }

    @Test
    void backgroundJobsDoNotHoldTheCell() {
        long start = System.nanoTime();
        assertThat(run(new ShellCommand(List.of("bash", "-c", "sleep 20 & echo listo")))).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void interruptKillsTheWholeTree() throws Exception {
        assertStopsEverything("bash -c 'sleep 60; echo nieto' & echo $! > %s; echo listo; sleep 60; echo hijo");
    }

    /** A grandchild whose parent exited is re-parented: it is no longer among anyone's descendants. */
    @Test
    void interruptKillsAnOrphanedGrandchild() throws Exception {
        assertStopsEverything("( sleep 60 & echo $! > %s ); echo listo; sleep 60; echo hijo");
    }

    /** A daemon: orphaned, and in a session of its own, so no process-group signal reaches it. */
    @Test
    void interruptKillsADaemonItStarted() throws Exception {
        assertStopsEverything("( setsid sleep 60 & echo $! > %s ); echo listo; sleep 60; echo hijo");
    }

    /** A terminal's Ctrl-C: the command gets SIGINT first and may clean up before it ends. */
    @Test
    void interruptSendsSigintFirst() throws Exception {
        Path file = Files.createTempFile("capas-sigint", ".txt");
        ShellCommand command = new ShellCommand(List.of("bash", "-c", "trap 'echo int > " + file + "; exit 130' INT; echo listo; sleep 60 & wait"));
        interruptOnceReady(command);
        catchThrowableOfType(() -> run(command), CellFailure.class);
        assertThat(Files.readString(file).strip()).isEqualTo("int");
        Files.deleteIfExists(file);
    }

    private void assertStopsEverything(String script) throws Exception {
        Path pidFile = Files.createTempFile("capas-nieto", ".pid");
        ShellCommand command = new ShellCommand(List.of("bash", "-c", String.format(script, pidFile)));
        interruptOnceReady(command);
        long start = System.nanoTime();
        CellFailure failure = catchThrowableOfType(() -> run(command), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Files.deleteIfExists(pidFile);
        Optional<ProcessHandle> grandchild = ProcessHandle.of(pid);
        try {
            assertThat(running(pid)).as("grandchild %d still alive", pid).isFalse();
        } finally {
            grandchild.ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("hijo");
    }

    /** Alive and not a zombie (a zombie has ended; only its parent has not collected it yet). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    /** Interrupts {@code command} once its script has printed "listo": what it must do before Stop is done. */
    private void interruptOnceReady(ShellCommand command) {
        Thread interrupter = new Thread(() -> {
            Eventually.await("the script printed listo", () -> out.toString(StandardCharsets.UTF_8).contains("listo\n"));
            command.interrupt();
        });
        interrupter.setDaemon(true);
        interrupter.start();
    }
}
