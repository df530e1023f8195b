package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import capas.Env;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lab limpiar} removes what the lab created (label capas.lab) and nothing else, in the
 * rootless store and in the rootful one (through sudo, as the student would); {@code ./lab
 * limpiar p4} resets one lesson alone.
 */
class LimpiarIT {
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();
    private static final String IMAGE = Env.image();
    private static final String LESSON_IMAGE = "localhost/capas-p4/web:latest";
    private static final String OWN_IMAGE = "localhost/mia/derivada:latest";

    private static String run(List<String> command) throws IOException, InterruptedException {
        return ChildProcess.run(new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true), Duration.ofMinutes(5))
                .output();
    }

    private static List<String> podman(boolean rootful, String... args) {
        List<String> command = new ArrayList<>(rootful ? List.of("sudo", "-n", "podman") : List.of("podman"));
        command.addAll(List.of(args));
        return command;
    }

    private static boolean exists(boolean rootful, String name) throws IOException, InterruptedException {
        return run(podman(rootful, "ps", "-a", "--format", "{{.Names}}")).lines().anyMatch(name::equals);
    }

    private static boolean imageExists(boolean rootful, String name) throws IOException, InterruptedException {
        return run(podman(rootful, "images", "--format", "{{.Repository}}:{{.Tag}}")).lines().anyMatch(name::equals);
    }

    /** Builds {@code tag} from the course image plus one label of its own, as podman build would for anyone. */
    private static void build(boolean rootful, String tag, String from, String... labels) throws IOException, InterruptedException {
        Path context = Files.createTempDirectory("capas-limpiar-it");
        Files.writeString(context.resolve("Containerfile"), "FROM " + from + "\nLABEL capas.it=" + tag + "\n");
        List<String> command = podman(rootful, "build", "-q", "--pull=never", "--network", "none", "-t", tag);
        for (String label : labels) {
            command.addAll(List.of("--label", label));
        }
        command.add(context.toString());
        run(command);
        Files.delete(context.resolve("Containerfile"));
        Files.delete(context);
        assertThat(imageExists(rootful, tag)).as(tag + ", rootful=" + rootful).isTrue();
    }

    private static void forget(boolean rootful) throws IOException, InterruptedException {
        // One name per call: podman 4.3's rm -f stops at the first missing name, removing nothing after it.
        for (String name : List.of("capas-it-p4", "capas-it-03", "capas-it-ajeno", "capas-it-ajeno-p4", "capas-it-del-lab")) {
            run(podman(rootful, "rm", "-f", "-t", "0", name));
        }
        run(podman(rootful, "rmi", OWN_IMAGE));
        run(podman(rootful, "rmi", LESSON_IMAGE));
    }

    @Test
    void resettingALessonLeavesOtherLessonsAndOtherPeoplesThingsAlone() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        for (boolean rootful : new boolean[] {false, true}) {
            forget(rootful);
            build(rootful, LESSON_IMAGE, IMAGE, "capas.lab.imagen=p4");
            // Someone's own image made from the lab's: it inherits the lab's image label.
            build(rootful, OWN_IMAGE, LESSON_IMAGE);
            run(podman(rootful, "create", "--name", "capas-it-p4", "--label", "capas.lab=true", "--label", "capas.leccion=p4", "--network", "none", IMAGE));
            run(podman(rootful, "create", "--name", "capas-it-03", "--label", "capas.lab=true", "--label", "capas.leccion=03", "--network", "none", IMAGE));
            // A container someone labelled with the lesson, but not as the lab's.
            run(podman(rootful, "create", "--name", "capas-it-ajeno", "--label", "capas.leccion=p4", "--network", "none", IMAGE));
        }
        // In the rootful store someone else also uses the lesson's image: it must stay, with its user.
        run(podman(true, "create", "--name", "capas-it-ajeno-p4", "--network", "none", LESSON_IMAGE));
        try {
            String output = run(List.of("bash", ROOT.resolve("lab").toString(), "limpiar", "p4"));

            assertThat(output).contains("Reiniciar la lección p4").contains("almacén rootless: borrados 1 contenedores")
                    .contains("almacén rootful: borrados 1 contenedores").contains("no se han borrado " + LESSON_IMAGE);
            for (boolean rootful : new boolean[] {false, true}) {
                String where = ", rootful=" + rootful;
                assertThat(exists(rootful, "capas-it-p4")).as("the lesson's container" + where).isFalse();
                assertThat(exists(rootful, "capas-it-03")).as("another lesson's container" + where).isTrue();
                assertThat(exists(rootful, "capas-it-ajeno")).as("someone else's container" + where).isTrue();
                assertThat(imageExists(rootful, OWN_IMAGE)).as("someone else's image" + where).isTrue();
                assertThat(imageExists(rootful, IMAGE)).as("the course image" + where).isTrue();
            }
            assertThat(imageExists(false, LESSON_IMAGE)).as("the lesson's image, used by nobody").isFalse();
            assertThat(imageExists(true, LESSON_IMAGE)).as("the lesson's image, used by someone else's container").isTrue();
            assertThat(exists(true, "capas-it-ajeno-p4")).as("someone else's container of the lesson's image").isTrue();

            assertThat(run(List.of("bash", ROOT.resolve("lab").toString(), "limpiar", "p9"))).contains("no hay ninguna lección «p9»")
                    .contains("03 04 p1 p2 p3 p4");
        } finally {
            forget(false);
            forget(true);
        }
    }

    @Test
    void removesOnlyWhatTheLabCreatedInBothStores() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        for (boolean rootful : new boolean[] {false, true}) {
            forget(rootful);
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
            forget(false);
            forget(true);
        }
    }
}
