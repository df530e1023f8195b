package capas;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process for an integration test so that a hung child fails the test instead of
 * hanging the build: its output is read on other threads while the test waits with a timeout,
 * and on timeout the child and its descendants are killed and the test fails with what it said.
 */
public final class ChildProcess {
    /** What the child left: its exit code and its output (stderr apart unless redirected into stdout). */
    public record Result(int exitCode, String out, String err) {
        /** Both streams, as a person would have seen them in a terminal (stderr after stdout). */
        public String output() {
            return err.isEmpty() ? out : out + err;
        }
    }

    private ChildProcess() {
    }

    public static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = reader(process.getInputStream(), out);
        Thread errReader = reader(process.getErrorStream(), err);
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("%s did not end within %s; it said:%n%s%n%s", builder.command(), timeout, text(out), text(err));
        }
        // A grandchild that kept the pipe open (a server started in the background) must not hang us either.
        outReader.join(TimeUnit.SECONDS.toMillis(10));
        errReader.join(TimeUnit.SECONDS.toMillis(10));
        return new Result(process.exitValue(), text(out), text(err));
    }

    private static Thread reader(InputStream stream, ByteArrayOutputStream sink) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    synchronized (sink) {
                        sink.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The child was killed: what was read so far is all there is.
            }
        }, "child-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String text(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.toString(StandardCharsets.UTF_8);
        }
    }
}
