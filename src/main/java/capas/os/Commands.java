package capas.os;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs argument lists (never a shell string) and waits for them, killing the whole process tree
 * if the caller is interrupted (the notebook's stop button) or the command hangs.
 */
public final class Commands {
    private static final long TIMEOUT_SECONDS = 600;

    private Commands() {
    }

    public static CommandResult run(List<String> argv) {
        return run(argv, Map.of(), TIMEOUT_SECONDS);
    }

    /**
     * @param env     variables to set or replace (e.g. a PATH without podman, for a test)
     * @param timeout seconds before the command is killed (exit code 124)
     */
    public static CommandResult run(List<String> argv, Map<String, String> env, long timeout) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            return new CommandResult(127, "", e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                kill(process);
                return new CommandResult(124, out.join(), "timeout");
            }
        } catch (InterruptedException e) {
            // The notebook's stop button: the command must not outlive the cell.
            kill(process);
            Thread.currentThread().interrupt();
            return new CommandResult(130, "", "interrupted");
        }
        return new CommandResult(process.exitValue(), out.join(), withoutNoise(err.join()));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Rootless podman warns about / not being a shared mount on some machines; it says nothing about the command. */
    private static String withoutNoise(String err) {
        return err.lines().filter(l -> !l.contains("is not a shared mount")).collect(Collectors.joining("\n"));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
