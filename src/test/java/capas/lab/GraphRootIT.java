package capas.lab;

import capas.ChildProcess;
import static org.assertj.core.api.Assertions.assertThat;

import capas.notebook.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A student whose storage.conf moves the store (a bigger disk, a custom graphroot) gets the lab
 * reading that store, not the default folder: the library asks podman where it is.
 */
class GraphRootIT {
    private static String run(List<String> command, Path conf) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (conf != null) {
            builder.environment().put("CONTAINERS_STORAGE_CONF", conf.toString());
        }
        return ChildProcess.run(builder, java.time.Duration.ofMinutes(2)).output();
    }

    @Test
    void aStoreMovedByStorageConfIsTheOneTheLabReads() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        // In the home, like the default store: the same file system, so overlay works the same.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache")), "capas-graphroot-");
        Path graphRoot = dir.resolve("otro-disco/storage");
        Path conf = dir.resolve("storage.conf");
        // What moves a rootless store in a storage.conf that is not the user's own.
        Files.writeString(conf, "[storage]\ndriver = \"overlay\"\nrootless_storage_path = \"" + graphRoot + "\"\n");
        Path program = dir.resolve("DondeEsta.java");
        Files.writeString(program, "public class DondeEsta { public static void main(String[] a) {"
                + " System.out.println(capas.lab.Capas.rootless().graphRoot()); } }");
        try {
            String output = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("capas.jar", "target/capas.jar"), program.toString()), conf);

            assertThat(output.strip()).as(output).isEqualTo(graphRoot.toString());
        } catch (Exception | AssertionError failure) {
            // The first failure is the one to read; a clean-up that fails too comes with it.
            try {
                removeAsItsOwner(dir);
            } catch (Exception | AssertionError cleanUp) {
                failure.addSuppressed(cleanUp);
            }
            throw failure;
        }
        removeAsItsOwner(dir);
    }

    /**
     * podman made the new store with ids of its user namespace: remove it from inside, with the
     * usual storage.conf (with the moved one, podman unshare would mount it again first).
     */
    private static void removeAsItsOwner(Path dir) throws IOException, InterruptedException {
        run(List.of("podman", "unshare", "rm", "-rf", dir.toString()), null);
        assertThat(dir).doesNotExist();
    }
}
