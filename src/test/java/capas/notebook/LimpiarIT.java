package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lab limpiar} removes what the lab created (label capas.lab) and nothing else, in the
 * rootless store and in the rootful one (through sudo, as the student would).
 */
class LimpiarIT {
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();
    private static final String IMAGE = "localhost/curso/httpd:latest";

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return output;
    }

    private static List<String> podman(boolean rootful, String... args) {
        List<String> command = new ArrayList<>(rootful ? List.of("sudo", "-n", "podman") : List.of("podman"));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean exists(boolean rootful, String name) throws IOException, InterruptedException {
        return run(podman(rootful, "ps", "-a", "--format", "{{.Names}}")).lines().anyMatch(name::equals);
    }

    @Test
    void removesOnlyWhatTheLabCreatedInBothStores() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        for (boolean rootful : new boolean[] {false, true}) {
            run(podman(rootful, "rm", "-f", "-t", "0", "capas-it-ajeno", "capas-it-del-lab"));
            run(podman(rootful, "create", "--name", "capas-it-ajeno", "--network", "none", IMAGE));
            run(podman(rootful, "create", "--name", "capas-it-del-lab", "--label", "capas.lab=true", "--network", "none", IMAGE));
            assertThat(exists(rootful, "capas-it-ajeno")).isTrue();
            assertThat(exists(rootful, "capas-it-del-lab")).isTrue();
        }
        try {
            String output = run(List.of("bash", ROOT.resolve("lab").toString(), "limpiar"));

            assertThat(output).contains("almacén rootless: borrados").contains("almacén rootful: borrados");
            for (boolean rootful : new boolean[] {false, true}) {
                assertThat(exists(rootful, "capas-it-del-lab")).as("lab container, rootful=" + rootful).isFalse();
                assertThat(exists(rootful, "capas-it-ajeno")).as("someone else's container, rootful=" + rootful).isTrue();
            }
            assertThat(run(podman(false, "images", "-q", IMAGE))).as("the course image stays").isNotBlank();
        } finally {
            run(podman(false, "rm", "-f", "-t", "0", "capas-it-ajeno"));
            run(podman(true, "rm", "-f", "-t", "0", "capas-it-ajeno"));
        }
    }
}
