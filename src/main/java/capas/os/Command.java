package capas.os;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one way Capas starts a process: an argument list (never a shell string), the variables to
 * override, a timeout, and one of three uses:
 * <ul>
 * <li>{@link #capture()}: wait and keep its output ({@link CommandResult});</li>
 * <li>{@link #start()} then {@link Running#stream}: pass its lines on while it runs (a cell);</li>
 * <li>{@link #startLongLived()}: talk to it over stdin/stdout until it is closed (a probe).</li>
 * </ul>
 * Whatever ends it early (a timeout, the notebook's Stop, {@code close}) stops it the same way,
 * with its whole process tree: see {@link ProcessTree}.
 *
 * <p>Immutable: each {@code with…} method returns a new command.
 */
public final class Command {
    /** A command that hangs (a prompt nobody sees, a stuck mount) still ends. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final List<String> argv;
    private final Map<String, String> env;
    private final Duration timeout;

    private Command(List<String> argv, Map<String, String> env, Duration timeout) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty argv");
        }
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), DEFAULT_TIMEOUT);
    }

    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /** Variables to set or replace (e.g. a PATH without podman, for a test); PATH also decides where the program is looked up. */
    public Command withEnv(Map<String, String> env) {
        return new Command(argv, env, timeout);
    }

    /** How long it may run; {@code null} for no limit (a probe lives as long as its owner). */
    public Command withTimeout(Duration timeout) {
        return new Command(argv, env, timeout);
    }

    public List<String> argv() {
        return argv;
    }

    /**
     * Runs it to the end and keeps what it wrote. Never throws for the command's sake: exit code
     * 127 when the program is not installed, 124 (err "timeout") when it ran out of time, 130
     * (err "interrupted", the thread's interrupt flag kept) when the calling thread was
     * interrupted (how the kernel stops a Java cell); the process tree is stopped before it
     * returns.
     */
    public CommandResult capture() {
        Running running;
        try {
            running = launch(false);
        } catch (IOException e) {
            return new CommandResult(127, "", e.getMessage());
        }
        Drain out = new Drain(running.process().getInputStream(), "capas-out");
        Drain err = new Drain(running.process().getErrorStream(), "capas-err");
        long deadline = running.deadline();
        try {
            if (!running.process().waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                running.stop(Running.Ending.TIMED_OUT);
                return new CommandResult(124, out.text(200), "timeout");
            }
        } catch (InterruptedException e) {
            running.stop(Running.Ending.INTERRUPTED);
            Thread.currentThread().interrupt();
            return new CommandResult(130, "", "interrupted");
        } catch (Throwable stopped) {
            running.stop(Running.Ending.INTERRUPTED);
            throw stopped;
        }
        // What a background job it left still writes is not waited for past the deadline.
        long leftMillis = Math.max(200, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return new CommandResult(running.process().exitValue(), out.text(leftMillis), err.text(leftMillis));
    }

    /** Starts it with nothing to read (a prompt fails at once instead of hanging); read it with {@link Running#stream}. */
    public Running start() throws IOException {
        return launch(false);
    }

    /** Starts it with a pipe to its stdin; its stderr is kept in the background ({@link Running#errors()}). */
    public Running startLongLived() throws IOException {
        Running running = launch(true);
        running.keepErrors();
        return running;
    }

    /**
     * Starts it to outlive this process (a server): in a session of its own, so no terminal's
     * hang-up reaches it, with its output written to {@code log} and nothing to read from.
     *
     * @return the started process, which nobody waits for or stops
     */
    public ProcessHandle startDetached(Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Launcher.argv(argv, env))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).redirectErrorStream(true);
        builder.environment().putAll(env);
        return builder.start().toHandle();
    }

    private Running launch(boolean input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Launcher.argv(argv, env));
        builder.environment().putAll(env);
        if (!input) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return new Running(builder.start(), timeout);
    }

    /** Reads a stream to its end on a thread of its own, so that a full pipe never blocks the command. */
    static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream stream, String name) {
            thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    for (int n; (n = stream.read(buffer)) >= 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // Closed: the process is gone.
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** What was read, waiting up to {@code millis} for the end of the stream. */
        String text(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
