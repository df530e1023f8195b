package capas.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes notebooks through real Jupyter ({@code /usr/bin/jupyter nbconvert --execute}) with
 * the Capas kernel installed from the packaged jar, as a student's Jupyter would run them.
 *
 * <p>The kernelspec is installed once per test JVM into {@code target/jupyter-test/kernels};
 * executed copies land in {@code target/notebooks-executed}. Needs {@code mvn package} first
 * (failsafe runs after it and passes the jar as system property {@code capas.jar}).
 */
public final class NotebookRunner {
    /** Debian's Jupyter: the {@code python3} on PATH may lack it. */
    public static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    public static final Path JUPYTER_DIR = Path.of("target", "jupyter-test").toAbsolutePath();
    public static final Path EXECUTED_DIR = Path.of("target", "notebooks-executed").toAbsolutePath();
    public static final String KERNEL = "capas";
    private static final long TIMEOUT_MINUTES = 30;

    private static boolean installed;

    private NotebookRunner() {
    }

    /** Executes {@code ipynb} top to bottom; fails if a cell not tagged raises-exception fails. */
    public static ExecutedNotebook execute(Path ipynb) {
        return execute(ipynb, false);
    }

    /**
     * Executes {@code ipynb}; with {@code allowErrors} every cell runs whatever fails, and the
     * errors are left in the outputs for the test to check.
     */
    public static ExecutedNotebook execute(Path ipynb, boolean allowErrors) {
        return execute(ipynb, allowErrors, Map.of());
    }

    /**
     * Executes {@code ipynb} with {@code env} added to Jupyter's environment, which its kernel
     * inherits (e.g. {@code CAPAS_PROGRESO}, to keep a test's record apart from the student's).
     */
    public static ExecutedNotebook execute(Path ipynb, boolean allowErrors, Map<String, String> env) {
        installKernel();
        List<String> command = new ArrayList<>(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.kernel_name=" + KERNEL,
                "--output-dir", EXECUTED_DIR.toString()));
        if (allowErrors) {
            command.add("--allow-errors");
        }
        command.add(ipynb.toAbsolutePath().toString());
        run(command, "nbconvert " + ipynb, env);
        return ExecutedNotebook.read(EXECUTED_DIR.resolve(ipynb.getFileName()));
    }

    /** Installs the kernelspec (once per JVM) and returns the folder to put in JUPYTER_PATH. */
    public static synchronized Path installKernel() {
        if (!installed) {
            String jar = System.getProperty("capas.jar", Path.of("target", "capas.jar").toString());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            run(List.of(java, "-jar", jar, "kernelspec", JUPYTER_DIR.resolve("kernels").toString()), "kernelspec");
            installed = true;
        }
        return JUPYTER_DIR;
    }

    /**
     * The kernel for another user: the jar, its libraries and the kernelspec copied under
     * {@code dir}, readable by everyone, because that user may not enter the lab user's home
     * (Debian 13 makes homes 0700). Returns the folder to put in that user's JUPYTER_PATH.
     */
    public static Path installKernelReadableByAll(Path dir) throws IOException {
        Path jar = Path.of(System.getProperty("capas.jar", Path.of("target", "capas.jar").toString())).toAbsolutePath();
        Path copy = dir.resolve("capas.jar");
        Path lib = dir.resolve("lib");
        Files.createDirectories(lib);
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var jars = Files.list(jar.resolveSibling("lib"))) {
            for (Path each : jars.toList()) {
                Files.copy(each, lib.resolve(each.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jupyter = dir.resolve("jupyter");
        run(List.of(java, "-jar", copy.toString(), "kernelspec", jupyter.resolve("kernels").toString()), "kernelspec for another user");
        run(List.of("chmod", "-R", "a+rX", dir.toString()), "chmod a+rX " + dir);
        return jupyter;
    }

    /** Runs a command with JUPYTER_PATH pointing at the test kernels; returns its stdout. */
    public static String run(List<String> command, String what) {
        return run(command, what, Map.of());
    }

    /** Runs a command as {@link #run(List, String)} does, with {@code env} added to its environment. */
    public static String run(List<String> command, String what, Map<String, String> env) {
        try {
            Files.createDirectories(EXECUTED_DIR);
            Path log = Files.createTempFile("capas-notebook", ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(false)
                    .redirectError(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            String path = System.getenv("JUPYTER_PATH");
            builder.environment().put("JUPYTER_PATH", JUPYTER_DIR + (path == null ? "" : java.io.File.pathSeparator + path));
            builder.environment().putAll(env);
            Process process = builder.start();
            // Read while waiting with a deadline: a hung kernel must fail the test, not hang the build.
            java.util.concurrent.CompletableFuture<String> stdout = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (java.io.InputStream in = process.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(what + ": still running after " + TIMEOUT_MINUTES + " min\n" + tail(Files.readString(log)));
            }
            String out;
            try {
                out = stdout.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                out = "";
            }
            String err = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(what + " failed (" + process.exitValue() + "):\n" + tail(err) + "\n" + tail(out));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + ": interrupted", e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : "…" + text.substring(text.length() - 6000);
    }
}
