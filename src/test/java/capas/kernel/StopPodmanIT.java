package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import capas.Env;
import capas.os.CommandResult;
import capas.os.Commands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a {@code sudo -n podman run … sleep 60} the three ways a student can: the Stop button
 * on a {@code %%bash} cell, the Stop button on a Java cell that called podman, and a timeout.
 *
 * <p>The container's PID 1 ignores SIGINT and SIGTERM, and the unprivileged user running the
 * kernel cannot signal root's podman or conmon: afterwards nothing of that call may be left.
 */
class StopPodmanIT {
    private final List<String> names = new ArrayList<>();

    @AfterEach
    void removeContainers() {
        // podman 4.3 stops at the first name it does not know: one name per call.
        for (String name : names) {
            Commands.run(List.of("sudo", "-n", "podman", "rm", "-f", "-t", "0", name));
        }
    }

    private String name(String what) {
        String name = "capas-it-runner-" + what;
        names.add(name);
        Commands.run(List.of("sudo", "-n", "podman", "rm", "-f", "-t", "0", name));
        return name;
    }

    private static List<String> run(String name) {
        return List.of("sudo", "-n", "podman", "run", "--name", name, "--network", "none", Env.image(), "sleep", "60");
    }

    @Test
    void stoppingABashCellStopsTheContainer() throws Exception {
        String name = name("bash");
        ShellCommand command = new ShellCommand(List.of("bash", "-c", String.join(" ", run(name))));
        Thread stopper = new Thread(() -> {
            if (waitUntilRunning(name)) {
                command.interrupt();
            }
        });
        stopper.start();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        CellFailure failure = catchThrowableOfType(() -> command.run(print, print), CellFailure.class);
        stopper.join();
        assertThat(failure).as("the cell ends interrupted (output: %s)", sink).isNotNull();
        assertThat(failure.ename()).isEqualTo("Interrumpido");
        assertThat(seconds(start)).isLessThan(30);
        assertNothingLeft(name);
    }

    @Test
    void interruptingAJavaCallStopsTheContainer() throws Exception {
        String name = name("interrupt");
        AtomicReference<CommandResult> result = new AtomicReference<>();
        Thread call = new Thread(() -> result.set(Commands.run(run(name))));
        call.start();
        assertThat(waitUntilRunning(name)).isTrue();
        call.interrupt();
        call.join(30_000);
        assertThat(call.isAlive()).isFalse();
        assertThat(result.get().exitCode()).isEqualTo(130);
        assertThat(result.get().err()).isEqualTo("interrupted");
        assertNothingLeft(name);
    }

    /** The Stop button on a Java cell, through the kernel: whatever it does to the cell's thread on this JDK. */
    @Test
    void stoppingAJavaCellStopsTheContainer() throws Exception {
        String name = name("javacell");
        String argv = run(name).stream().map(arg -> '"' + arg + '"').collect(Collectors.joining(", "));
        CapasKernel kernel = CapasKernel.create();
        try {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            kernel.beginCell();
            Thread cell = new Thread(() -> {
                try {
                    kernel.run("capas.os.Commands.run(java.util.List.of(" + argv + "));");
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            cell.start();
            assertThat(waitUntilRunning(name)).isTrue();
            kernel.interrupt();
            cell.join(30_000);
            assertThat(cell.isAlive()).as("the cell still runs").isFalse();
            assertThat(thrown.get()).isInstanceOf(CellFailure.class);
            assertThat(((CellFailure) thrown.get()).ename()).isEqualTo("Interrumpido");
            assertNothingLeft(name);
        } finally {
            kernel.onShutdown(false);
        }
    }

    @Test
    void aTimeoutStopsTheContainer() throws Exception {
        String name = name("timeout");
        long start = System.nanoTime();
        CommandResult result = Commands.run(run(name), Map.of(), 8);
        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(seconds(start)).isLessThan(30);
        assertNothingLeft(name);
    }

    private static long seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L;
    }

    private static boolean waitUntilRunning(String name) {
        for (int i = 0; i < 100; i++) {
            CommandResult state = Commands.run(List.of("sudo", "-n", "podman", "inspect", "--format", "{{.State.Running}}", name));
            if (state.ok() && state.out().strip().equals("true")) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

    private static void assertNothingLeft(String name) throws Exception {
        CommandResult id = Commands.run(List.of("sudo", "-n", "podman", "inspect", "--format", "{{.Id}} {{.State.Running}}", name));
        String containerId = id.ok() ? id.out().strip().split(" ")[0] : name;
        // podman's own clean-up (conmon's exit command) may take a moment after the cell ended.
        List<String> left = List.of();
        for (int i = 0; i < 25; i++) {
            left = processesMentioning(name, containerId);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(left).as("podman/conmon processes of this call").isEmpty();
        CommandResult running = Commands.run(List.of("sudo", "-n", "podman", "inspect", "--format", "{{.State.Running}}", name));
        if (running.ok()) {
            assertThat(running.out().strip()).as("the container is not running").isEqualTo("false");
        }
    }

    /** Processes whose command line names the container (podman run, conmon, podman's clean-up). */
    static List<String> processesMentioning(String name, String containerId) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String cmdline;
                try {
                    cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                } catch (IOException gone) {
                    continue;
                }
                if ((cmdline.contains(name) || cmdline.contains(containerId)) && (cmdline.contains("podman") || cmdline.contains("conmon"))
                        && Long.parseLong(proc.getFileName().toString()) != ProcessHandle.current().pid()) {
                    found.add(proc.getFileName() + " " + cmdline.strip());
                }
            }
        }
        return found;
    }
}
