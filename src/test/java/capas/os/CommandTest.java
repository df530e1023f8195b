package capas.os;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Eventually;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CommandTest {
    @Test
    void captureKeepsOutputErrorsAndStatus() {
        CommandResult result = Command.of("bash", "-c", "echo uno; echo dos >&2; exit 3").capture();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEqualTo("uno\n");
        assertThat(result.err()).isEqualTo("dos\n");
    }

    @Test
    void aProgramThatIsNotInstalledIs127() {
        assertThat(Command.of("capas-no-existe").capture().exitCode()).isEqualTo(127);
        // The caller's PATH decides, as HostCommand's tests rely on.
        assertThat(Commands.run(List.of("bash", "-c", "true"), Map.of("PATH", "/nonexistent"), 5).exitCode()).isEqualTo(127);
    }

    @Test
    void envIsPassedOn() {
        assertThat(Commands.run(List.of("bash", "-c", "echo $CAPAS_X"), Map.of("CAPAS_X", "hola"), 5).out()).isEqualTo("hola\n");
    }

    @Test
    void programSeesItsOwnName() {
        assertThat(Command.of("bash", "-c", "echo $0").capture().out()).isEqualTo("bash\n");
    }

    /** Python, which launches it, ignores SIGPIPE; a program must get the default back, as from a terminal. */
    @Test
    void sigpipeIsNotIgnored() {
        CommandResult result = Command.of("bash", "-c", "yes | head -1; echo ${PIPESTATUS[0]}").capture();
        assertThat(result.out()).isEqualTo("y\n141\n");
    }

    @Test
    void aTimeoutStopsTheTreeIncludingOrphans() throws Exception {
        Path pid = Files.createTempFile("capas-orphan", ".pid");
        long start = System.nanoTime();
        CommandResult result = Commands.run(List.of("bash", "-c", "( setsid sleep 60 & echo $! > " + pid + " ); echo antes; sleep 60"), Map.of(), 1);
        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.err()).isEqualTo("timeout");
        assertThat(result.out()).isEqualTo("antes\n");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(running(Long.parseLong(Files.readString(pid).strip()))).isFalse();
        Files.deleteIfExists(pid);
    }

    @Test
    void anInterruptedCallerGets130AndKeepsItsInterrupt() throws Exception {
        AtomicReference<CommandResult> result = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            result.set(Commands.run(List.of("sleep", "60")));
            flag.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        Eventually.await("the caller's sleep runs", () -> ProcessHandle.current().children()
                .anyMatch(child -> child.info().command().orElse("").endsWith("/sleep")));
        caller.interrupt();
        caller.join(10_000);
        assertThat(result.get()).isEqualTo(new CommandResult(130, "", "interrupted"));
        assertThat(flag.get()).isTrue();
    }

    @Test
    void streamPassesLinesInOrderAsTheyCome() throws Exception {
        List<String> lines = new ArrayList<>();
        Running running = Command.of("bash", "-c", "echo a; sleep 0.2; echo b >&2; sleep 0.2; echo c; exit 4").start();
        int status = running.stream((error, text) -> lines.add((error ? "err:" : "out:") + text));
        assertThat(status).isEqualTo(4);
        assertThat(lines).containsExactly("out:a", "err:b", "out:c");
        assertThat(running.ending()).isEqualTo(Running.Ending.EXITED);
    }

    @Test
    void streamStopsAtItsTimeout() throws Exception {
        Running running = Command.of("sleep", "60").withTimeout(Duration.ofMillis(300)).start();
        running.stream((error, text) -> { });
        assertThat(running.ending()).isEqualTo(Running.Ending.TIMED_OUT);
        assertThat(running.isAlive()).isFalse();
    }

    @Test
    void aLongLivedCommandAnswersAndEndsWhenClosed() throws Exception {
        Running running = Command.of("bash", "-c", "echo aviso >&2; while read l; do echo \"eco $l\"; done; echo fin >&2").withTimeout(null).startLongLived();
        Writer in = new OutputStreamWriter(running.stdin(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(running.stdout(), StandardCharsets.UTF_8));
        in.write("hola\n");
        in.flush();
        assertThat(out.readLine()).isEqualTo("eco hola");
        long start = System.nanoTime();
        running.close();
        assertThat((System.nanoTime() - start) / 1_000_000).as("EOF ends it, no stop needed").isLessThan(1_500);
        assertThat(running.wasStopped()).isFalse();
        assertThat(running.errors()).isEqualTo("aviso\nfin\n");
    }

    @Test
    void aLongLivedCommandThatIgnoresEofIsStoppedOnClose() throws Exception {
        Running running = Command.of("bash", "-c", "trap '' INT; sleep 60").withTimeout(null).startLongLived();
        running.close();
        assertThat(running.wasStopped()).isTrue();
        assertThat(running.ending()).isEqualTo(Running.Ending.CLOSED);
        assertThat(running.isAlive()).isFalse();
    }

    @Test
    void stopSendsSigintThenSigterm() throws Exception {
        Path log = Files.createTempFile("capas-signals", ".txt");
        Running running = Command.of("bash", "-c", "trap 'echo INT >> " + log + "' INT; trap 'echo TERM >> " + log + "; exit 0' TERM; "
                + "echo listo; while true; do sleep 0.1; done").start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            try {
                // Its traps are set once it says so; a signal before that would just end bash.
                ready.await();
            } catch (InterruptedException e) {
                return;
            }
            running.stop();
        });
        stopper.start();
        running.stream((error, text) -> {
            if (text.equals("listo")) {
                ready.countDown();
            }
        });
        stopper.join();
        assertThat(Files.readAllLines(log)).containsExactly("INT", "TERM");
        assertThat(running.ending()).isEqualTo(Running.Ending.STOPPED);
        Files.deleteIfExists(log);
    }

    @Test
    void sigkillEndsWhatIgnoresBoth() throws Exception {
        Running running = Command.of("bash", "-c", "trap '' INT TERM; echo listo; sleep 60 & wait; while true; do sleep 0.1; done").start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                running.stream((error, text) -> {
                    if (text.equals("listo")) {
                        ready.countDown();
                    }
                });
            } catch (Exception stopped) {
                // What stream says of a stopped command is not this test's subject.
            }
        });
        reader.start();
        // Its traps are set once it says so: from then on only SIGKILL ends it.
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("the script printed listo").isTrue();
        long start = System.nanoTime();
        running.stop();
        reader.join();
        assertThat(running.isAlive()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(2_900L, 12_000L);
    }

    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (java.io.IOException gone) {
            return false;
        }
    }
}
