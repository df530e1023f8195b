package capas.kernel;

import capas.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The AppCDS archive that makes the kernel start fast: the classes a warm-up session loads
 * (javac, JShell, jjava, the library) dumped once, then mapped by every kernel start.
 *
 * <p>An archive only fits the JVM and jars it was made with, which is why it is made at install
 * time next to the copied jars; a stale one is ignored by the JVM, never fatal.
 */
final class AppCds {
    private static final Messages MESSAGES = Messages.of(AppCds.class);
    private static final long TIMEOUT_SECONDS = 180;

    private AppCds() {
    }

    /** Creates {@code archive} by a warm-up run of {@code jar}; false if that failed. */
    static boolean create(Path java, Path jar, Path archive) {
        try {
            Files.deleteIfExists(archive);
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(Kernelspec.JVM_OPTIONS);
            command.add("-XX:ArchiveClassesAtExit=" + archive);
            command.addAll(List.of("-jar", jar.toString(), "kernel", "--warmup"));
            Path log = Files.createTempFile("capas-cds", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            boolean ok = done && process.exitValue() == 0 && Files.size(archive) > 0;
            if (ok) {
                Files.deleteIfExists(log);
                System.err.println(MESSAGES.get("kernelspec.cds", archive));
            } else {
                System.err.println(MESSAGES.get("kernelspec.nocds", log));
                Files.deleteIfExists(archive);
            }
            return ok;
        } catch (IOException e) {
            System.err.println(MESSAGES.get("kernelspec.nocds", e.getMessage()));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
