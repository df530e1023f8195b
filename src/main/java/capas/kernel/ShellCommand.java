package capas.kernel;

import capas.Env;
import capas.Messages;
import capas.os.Command;
import capas.os.Running;
import capas.os.SudoRefusal;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * A shell command run for a cell as it would run in a terminal (same environment, no tty), its
 * output passed on line by line while it runs ({@link Running#stream}), stopped by the notebook's
 * Stop as {@link capas.os.Command} stops anything: SIGINT, SIGTERM, then SIGKILL, to all it started.
 *
 * <p>Output is written only by the caller's thread, so the lines reach Jupyter in one ordered
 * stream per cell.
 */
final class ShellCommand {
    private static final Messages MESSAGES = Messages.of(ShellCommand.class);
    /**
     * Characters of output a cell shows at most: a command printing 50 MB would make the browser
     * (and the notebook file) unusable; the rest is counted and read, never kept.
     */
    static final long MAX_SHOWN_CHARS = 1_000_000;
    /** What a shell reports for a command ended by SIGINT (128 + 2). */
    private static final int EXIT_ON_SIGINT = 130;
    /** What a shell reports when it cannot find the command. */
    private static final int COMMAND_NOT_FOUND = 127;

    private final Command command;
    private volatile Running running;
    private volatile boolean interrupted;

    ShellCommand(List<String> argv) {
        // A cell runs as long as the student lets it: Stop ends it, not a timer. The course image
        // comes from one place: shell cells name it "$CAPAS_IMAGE", as the Java cells use Env.image().
        this.command = Command.of(argv).withTimeout(null).withEnv(Map.of(Env.IMAGE, Env.image()));
    }

    /**
     * Runs the command, writing its lines to {@code out} and {@code err}.
     *
     * @return the exit status
     * @throws CellFailure if it cannot start or is interrupted
     */
    int run(PrintStream out, PrintStream err) {
        try {
            running = command.start();
        } catch (IOException e) {
            String text = MESSAGES.get("shell.start", command.argv().get(0), e.getMessage());
            throw new CellFailure(MESSAGES.get("shell.exit.name"), text, List.of(text));
        }
        if (interrupted) {
            // Stop pressed while it was starting.
            running.stop();
        }
        try {
            long[] shown = {0};
            long[] omitted = {0, 0};
            boolean[] sudoRefused = {false};
            int status = running.stream((error, text) -> {
                sudoRefused[0] |= error && SudoRefusal.in(text);
                if (shown[0] + text.length() + 1 <= MAX_SHOWN_CHARS) {
                    shown[0] += text.length() + 1;
                    (error ? err : out).println(text);
                } else {
                    omitted[0]++;
                    omitted[1] += text.length() + 1;
                }
            });
            if (omitted[0] > 0) {
                err.println(MESSAGES.get("shell.truncated", omitted[0], omitted[1] / 1_000_000.0));
            }
            // The command's own words stay above; these say in Spanish what they mean and what to do.
            if (status != 0 && sudoRefused[0]) {
                err.println(MESSAGES.get("shell.sudo.password"));
            } else if (status == COMMAND_NOT_FOUND) {
                err.println(MESSAGES.get("shell.not.found"));
            }
            out.flush();
            err.flush();
            // A terminal's Ctrl-C sent straight to the command (not through the kernel) looks just the same.
            if (interrupted || running.wasStopped() || status == EXIT_ON_SIGINT) {
                throw Errors.interrupted();
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.interrupted();
        }
    }

    /** Stops the command and everything it started; safe from any thread; returns when that is done. */
    void interrupt() {
        interrupted = true;
        Running started = running;
        if (started != null) {
            started.stop();
        }
    }

    static CellFailure failed(int status) {
        String text = MESSAGES.get("shell.exit", status);
        return new CellFailure(MESSAGES.get("shell.exit.name"), text, List.of(text));
    }
}
