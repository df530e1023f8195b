package capas.kernel;

import capas.Messages;
import capas.os.Command;
import capas.os.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AppCDS archive that makes the kernel start fast: the classes a warm-up session loads
 * (javac, JShell, jjava, the library) dumped once, then mapped by every kernel start.
 *
 * <p>An archive only fits the JVM and jars it was made with, which is why it is made at install
 * time next to the copied jars; a stale one is ignored by the JVM, never fatal.
 */
final class AppCds {
    private static final Messages MESSAGES = Messages.of(AppCds.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

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
            CommandResult run = Command.of(command).withTimeout(TIMEOUT).capture();
            boolean ok = run.ok() && Files.isRegularFile(archive) && Files.size(archive) > 0;
            if (ok) {
                System.err.println(MESSAGES.get("kernelspec.cds", archive));
            } else {
                // The warm-up's own words say why; kept in a file, they would only clutter the installer's output.
                Path log = Files.createTempFile("capas-cds", ".log");
                Files.writeString(log, run.out() + run.err());
                System.err.println(MESSAGES.get("kernelspec.nocds", log));
                Files.deleteIfExists(archive);
            }
            return ok;
        } catch (IOException e) {
            System.err.println(MESSAGES.get("kernelspec.nocds", e.getMessage()));
            return false;
        }
    }
}
