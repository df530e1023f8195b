package capas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child process for integration tests that can never hang the build: its output is read on
 * another thread while the test waits with a deadline, and a child past the deadline is
 * killed (with its descendants) and reported as a failure, its output so far included.
 *
 * @param exitCode the child's exit status
 * @param output   standard output and error, merged
 */
public record TestProcess(int exitCode, String output) {
    /** Runs {@code argv} in {@code dir} (or the current folder) with extra {@code env}, for at most {@code limit}. */
    public static TestProcess run(List<String> argv, Path dir, Map<String, String> env, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> copy(process.getInputStream(), sink));
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("still running after " + limit + ": " + String.join(" ", argv) + "\n" + text(sink));
            }
            reader.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A background grandchild kept the pipe open: what was read is enough to judge.
        }
        return new TestProcess(process.exitValue(), text(sink));
    }

    public static TestProcess run(List<String> argv, Duration limit) {
        return run(argv, null, Map.of(), limit);
    }

    private static String text(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (sink) {
                    sink.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The child died: its output ends here.
        }
    }
}
