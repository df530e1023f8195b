package capas.podman;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs argument lists and waits for them, killing the whole tree if the caller is interrupted. */
final class Commands {
    private static final long TIMEOUT_MINUTES = 10;

    private Commands() {
    }

    static CommandResult run(List<String> argv) {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return new CommandResult(127, "", e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
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
