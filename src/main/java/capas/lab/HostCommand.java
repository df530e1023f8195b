package capas.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a host command for the diagnosis: an argument list (never a shell string), looked up
 * on a given PATH so that a test can pretend a tool is missing.
 */
final class HostCommand {
    /** The diagnosis must answer even when a command hangs (a sudo asking for a password). */
    private static final long TIMEOUT_SECONDS = 30;

    private final String path;

    HostCommand(String path) {
        this.path = path == null ? "" : path;
    }

    /** The outcome of one run: exit code 127 means "not found", as in a shell. */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        String firstLine() {
            String text = out.isBlank() ? err : out;
            return text.strip().lines().findFirst().orElse("");
        }
    }

    /** Where {@code name} is on this PATH, if anywhere. */
    Optional<Path> which(String name) {
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    Result run(String... argv) {
        Optional<Path> exe = argv[0].startsWith("/") ? Optional.of(Path.of(argv[0])) : which(argv[0]);
        if (exe.isEmpty() || !Files.isExecutable(exe.get())) {
            return new Result(127, "", argv[0] + ": not found");
        }
        List<String> command = new java.util.ArrayList<>(List.of(argv));
        command.set(0, exe.get().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("PATH", path);
        env.put("LC_ALL", "C");
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(124, "", argv[0] + ": timeout");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Result(126, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "", "interrupted");
        }
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
