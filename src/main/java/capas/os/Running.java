package capas.os;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started {@link Command}: read it ({@link #stream}) or talk to it ({@link #stdin()},
 * {@link #stdout()}), and end it with {@link #stop()} or {@link #close()} from any thread.
 */
public final class Running implements AutoCloseable {
    /** How long a stopped root may take to be collected by the JDK once the tree is gone. */
    private static final java.time.Duration REAP_WAIT = java.time.Duration.ofSeconds(2);
    /** Why it ended: on its own, or stopped (and by whom). */
    public enum Ending {
        EXITED, TIMED_OUT, STOPPED, INTERRUPTED, CLOSED
    }

    /** Takes the lines of a streamed command, on the thread that called {@link #stream}. */
    @FunctionalInterface
    public interface LineSink {
        void line(boolean error, String text);
    }

    /** After the command exits, how long to wait for output still held by background jobs. */
    private static final long DRAIN_MILLIS = 500;
    /** How long a long-lived command gets to end by itself once its stdin is closed. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final int KEPT_ERROR_CHARS = 16_384;

    private final Process process;
    private final ProcessTree tree;
    private final long deadline;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile Ending ending = Ending.EXITED;
    private final StringBuilder errors = new StringBuilder();
    private Thread errorReader;

    Running(Process process, Duration timeout) {
        this.process = process;
        this.tree = new ProcessTree(process.toHandle());
        this.deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }

    Process process() {
        return process;
    }

    long deadline() {
        return deadline;
    }

    public long pid() {
        return process.pid();
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    /** Whether the command itself still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Why it ended; {@link Ending#EXITED} while it runs or when it ended on its own. */
    public Ending ending() {
        return ending;
    }

    /** Whether someone stopped it (Stop, timeout or close) rather than it ending by itself. */
    public boolean wasStopped() {
        return stopping.get();
    }

    /**
     * Passes its lines to {@code sink} as they come, stdout and stderr in the order they arrive,
     * until it ends, it is stopped, or its timeout passes (then it is stopped).
     *
     * @return its exit status (after a stop, whatever the stop left: check {@link #ending()})
     * @throws InterruptedException if the calling thread is interrupted (the process tree is stopped first)
     */
    public int stream(LineSink sink) throws InterruptedException {
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        Thread out = reader(process.getInputStream(), false, lines);
        Thread err = reader(process.getErrorStream(), true, lines);
        int open = 2;
        long exitedAt = -1;
        try {
            while (open > 0) {
                Line line = lines.poll(50, TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (System.nanoTime() - deadline > 0 && !stopping.get()) {
                        stopInBackground(Ending.TIMED_OUT);
                    }
                    if (process.isAlive()) {
                        continue;
                    }
                    // A background job (`cmd &`) may keep the pipe open: a terminal would not wait for it.
                    exitedAt = exitedAt < 0 ? System.nanoTime() : exitedAt;
                    if (System.nanoTime() - exitedAt > TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS) && !stopInProgress()) {
                        break;
                    }
                } else if (line == Line.END) {
                    open--;
                } else {
                    sink.line(line.error(), line.text());
                }
            }
            // A stop ends when the whole tree has: so does the cell.
            awaitStop();
            return process.waitFor();
        } catch (InterruptedException e) {
            stop(Ending.INTERRUPTED);
            throw e;
        } catch (Throwable e) {
            stop(Ending.INTERRUPTED);
            throw e;
        } finally {
            out.interrupt();
            err.interrupt();
        }
    }

    /** Stops it and its whole process tree (see {@link ProcessTree}); returns once that is done. Any thread, any number of times. */
    public void stop() {
        stop(Ending.STOPPED);
    }

    /** Closes its stdin, lets it end by itself for a moment (a probe ends at EOF), then stops it. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already closed, or it is gone.
        }
        try {
            if (process.waitFor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS) && !tree.isAlive()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(Ending.CLOSED);
    }

    /** The last lines it wrote on stderr (for {@link Command#startLongLived()}), waiting briefly for the end of the stream. */
    public String errors() {
        Thread reader = errorReader;
        if (reader != null && !process.isAlive()) {
            try {
                reader.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (errors) {
            return errors.toString();
        }
    }

    void keepErrors() {
        errorReader = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (errors) {
                        errors.append(line).append('\n');
                        if (errors.length() > KEPT_ERROR_CHARS) {
                            errors.delete(0, errors.length() - KEPT_ERROR_CHARS);
                        }
                    }
                }
            } catch (IOException e) {
                // Closed: the process is gone.
            }
        }, "capas-errors");
        errorReader.setDaemon(true);
        errorReader.start();
    }

    /**
     * The stop itself runs on a thread of its own: a second Stop (another interrupt, or the
     * kernel's stop error thrown on the caller) must not cut it short, and the caller only waits for it.
     */
    void stop(Ending why) {
        stopInBackground(why);
        awaitStop();
    }

    private void stopInBackground(Ending why) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        ending = why;
        Thread thread = new Thread(() -> {
            try {
                tree.stop();
            } finally {
                stopped.complete(null);
            }
        }, "capas-stop");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean stopInProgress() {
        return stopping.get() && !stopped.isDone();
    }

    private void awaitStop() {
        if (stopping.get()) {
            stopped.join();
            // The tree counts a zombie as gone; the JDK's reaper collects it a moment later, and
            // only then does Process say so: wait for that too, so a stopped command is not "alive".
            try {
                process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Line(boolean error, String text) {
        static final Line END = new Line(false, null);
    }

    private static Thread reader(InputStream stream, boolean error, BlockingQueue<Line> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String text; (text = reader.readLine()) != null; ) {
                    lines.add(new Line(error, text));
                }
            } catch (IOException e) {
                // The stream closes when the process dies: that ends the output.
            } finally {
                lines.add(Line.END);
            }
        }, error ? "capas-stream-err" : "capas-stream-out");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
