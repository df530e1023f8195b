package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    void failedStatusReadsInSpanish() {
        assertThat(ShellCommand.failed(1).traceback()).containsExactly("El comando terminó con estado 1");
    }

    @Test
    void backgroundJobsDoNotHoldTheCell() {
        long start = System.nanoTime();
        assertThat(run(new ShellCommand(List.of("bash", "-c", "sleep 20 & echo listo")))).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void interruptKillsTheWholeTree() throws Exception {
        ShellCommand command = new ShellCommand(List.of("bash", "-c", "bash -c 'sleep 60; echo nieto' & sleep 60; echo hijo"));
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            command.interrupt();
        });
        interrupter.start();
        long start = System.nanoTime();
        CellFailure failure = catchThrowableOfType(() -> run(command), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        Thread.sleep(300);
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep"))).isEmpty();
    }
}
