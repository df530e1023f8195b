package capas.kernel;

import capas.Messages;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A shell command run for a cell as it would run in a terminal (same environment, no tty), its
 * output passed on line by line while it runs.
 *
 * <p>Output is read on two threads but written only by the caller's thread, so the lines reach
 * Jupyter in one ordered stream per cell.
 */
final class ShellCommand {
    private static final Messages MESSAGES = Messages.of(ShellCommand.class);
    /** After the command exits, how long to wait for output still held by background jobs. */
    private static final long DRAIN_MILLIS = 500;
    /** What a shell reports for a command ended by SIGINT (128 + 2). */
    private static final int EXIT_ON_SIGINT = 130;

    private record Line(boolean error, String text) {
    }

    private static final Line END = new Line(false, null);

    private final List<String> argv;
    private volatile Process process;
    private volatile boolean interrupted;

    ShellCommand(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    /**
     * Runs the command, writing its lines to {@code out} and {@code err}.
     *
     * @return the exit status
     * @throws CellFailure if it cannot start or is interrupted
     */
    int run(PrintStream out, PrintStream err) {
        try {
            process = new ProcessBuilder(argv)
                    // No terminal and nothing to read: a prompt fails at once instead of hanging.
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            String text = MESSAGES.get("shell.start", argv.get(0), e.getMessage());
            throw new CellFailure(MESSAGES.get("shell.exit.name"), text, List.of(text));
        }
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        Thread stdout = reader(process.getInputStream(), false, lines);
        Thread stderr = reader(process.getErrorStream(), true, lines);
        int open = 2;
        long exitedAt = -1;
        try {
            while (open > 0) {
                Line line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (process.isAlive()) {
                        continue;
                    }
                    // A background job (`cmd &`) may keep the pipe open: a terminal would not wait for it.
                    exitedAt = exitedAt < 0 ? System.nanoTime() : exitedAt;
                    if (System.nanoTime() - exitedAt > TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS)) {
                        break;
                    }
                } else if (line == END) {
                    open--;
                } else {
                    (line.error() ? err : out).println(line.text());
                }
            }
            int status = process.waitFor();
            out.flush();
            err.flush();
            // Jupyter signals the kernel's whole process group, so SIGINT may end the command before
            // the kernel's own interrupt gets to it: a terminal's Ctrl-C looks just the same.
            if (interrupted || status == EXIT_ON_SIGINT) {
                throw Errors.interrupted();
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTree.kill(process.toHandle());
            throw Errors.interrupted();
        } finally {
            stdout.interrupt();
            stderr.interrupt();
        }
    }

    /** Kills the command and all its descendants; safe from any thread. */
    void interrupt() {
        interrupted = true;
        Process running = process;
        if (running != null) {
            ProcessTree.kill(running.toHandle());
        }
    }

    private static Thread reader(InputStream stream, boolean error, BlockingQueue<Line> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String text;
                while ((text = reader.readLine()) != null) {
                    lines.add(new Line(error, text));
                }
            } catch (IOException e) {
                // The stream closes when the process dies: that ends the output.
            } finally {
                lines.add(END);
            }
        }, error ? "capas-shell-err" : "capas-shell-out");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static CellFailure failed(int status) {
        String text = MESSAGES.get("shell.exit", status);
        return new CellFailure(MESSAGES.get("shell.exit.name"), text, List.of(text));
    }
}
