package capas.safety;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import capas.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a student has in their stores before the lab ever runs: containers, images and a volume
 * made by hand, in both modes, none with the lab's labels ({@code capas.lab}), some with traps:
 * a {@code capas.leccion} label copied from a lesson, an image derived from the course image (it
 * inherits the course image's labels), the course image tagged under the student's own name.
 *
 * <p>Each thing is remembered with a fingerprint of what is in it: for a container its upper
 * dir (its {@code diff}), for an image its top layer's {@code diff}, for a volume its data; the
 * fingerprint hashes every entry's type, mode, owner, size, mtime, link target and content, read
 * as root (rootful) or inside {@code podman unshare} (rootless), never through the lab's code.
 */
final class StudentThings {
    /** One object of the student's. {@code id} is what podman calls it now; it must not change. */
    record Thing(boolean rootful, String kind, String name, String id, String fingerprint, long bytes) {
        String store() {
            return rootful ? "rootful" : "rootless";
        }

        String line() {
            return String.join("\t", store(), kind, name, id, fingerprint, Long.toString(bytes));
        }

        static Thing parse(String line) {
            String[] f = line.split("\t");
            return new Thing(f[0].equals("rootful"), f[1], f[2], f[3], f[4], Long.parseLong(f[5]));
        }
    }

    static final String IMAGE = Env.image();
    static final String DERIVED = "localhost/alumno/derivada:1";
    static final String COMMITTED = "localhost/alumno/guardada:1";
    static final String TAGGED = "localhost/alumno/mi-curso:1";
    static final String VOLUME = "alumno-datos";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** Lists each entry and hashes each file under {@code $1}; prints the digest, then the bytes of content. */
    private static final String FINGERPRINT = """
            cd "$1" || exit 3
            { find . -printf '%y %m %U:%G %s %T@ %p -> %l\\n' | LC_ALL=C sort
              find . -type f -print0 | LC_ALL=C sort -z | xargs -0r sha256sum; } | sha256sum | cut -d' ' -f1
            find . -type f -printf '%s\\n' | awk '{ s += $1 } END { print s + 0 }'
            """;

    private StudentThings() {
    }

    /** Makes the student's things in one store, as a student would type them, and fingerprints them. */
    static List<Thing> seed(boolean rootful) throws IOException, InterruptedException {
        List<String> containers = List.of("alumno-activo", "alumno-parado", "alumno-creado", "alumno-etiquetado-03",
                "alumno-etiquetado-p4", "alumno-derivado", "alumno-con-volumen");
        for (String name : containers) {
            podman(rootful, "rm", "-f", "-t", "0", name);
        }
        for (String image : List.of(COMMITTED, DERIVED, TAGGED)) {
            podman(rootful, "rmi", image);
        }
        podman(rootful, "volume", "rm", "-f", VOLUME);

        ok(podman(rootful, "run", "-d", "--name", "alumno-activo", "--network", "none", IMAGE, "sleep", "1000000"));
        ok(podman(rootful, "exec", "alumno-activo", "sh", "-c",
                "echo 'mis apuntes' > /root/apuntes.txt && mkdir -p /srv/datos && head -c 200000 /dev/urandom > /srv/datos/muestra.bin"));
        // Stopped, with a file deleted from the image: its upper dir holds a whiteout.
        ok(podman(rootful, "run", "--name", "alumno-parado", "--network", "none", IMAGE, "sh", "-c",
                "echo adiós > /tmp/fin.txt && rm /bin/acpid"));
        ok(podman(rootful, "create", "--name", "alumno-creado", "--network", "none", IMAGE, "sleep", "1000000"));
        // A lesson's label copied by hand, without capas.lab: the lab must still leave it alone.
        ok(podman(rootful, "run", "-d", "--name", "alumno-etiquetado-03", "--label", "capas.leccion=03", "--network", "none",
                IMAGE, "sh", "-c", "echo copiado > /tmp/etiqueta.txt && exec sleep 1000000"));
        ok(podman(rootful, "run", "--name", "alumno-etiquetado-p4", "--label", "capas.leccion=p4", "--network", "none", IMAGE,
                "sh", "-c", "echo p4 > /tmp/p4.txt"));
        Path context = Files.createTempDirectory("capas-alumno");
        try {
            Files.writeString(context.resolve("nota.txt"), "una imagen mía, hecha a partir de la del curso\n");
            Files.writeString(context.resolve("Containerfile"), "FROM " + IMAGE + "\nCOPY nota.txt /nota.txt\n");
            ok(podman(rootful, "build", "-q", "--pull=never", "--network", "none", "-t", DERIVED, context.toString()));
        } finally {
            Files.deleteIfExists(context.resolve("nota.txt"));
            Files.deleteIfExists(context.resolve("Containerfile"));
            Files.delete(context);
        }
        ok(podman(rootful, "run", "--name", "alumno-derivado", "--network", "none", DERIVED, "sh", "-c", "cat /nota.txt > /copia.txt"));
        ok(podman(rootful, "commit", "-q", "alumno-activo", COMMITTED));
        ok(podman(rootful, "tag", IMAGE, TAGGED));
        ok(podman(rootful, "volume", "create", VOLUME));
        ok(podman(rootful, "run", "--name", "alumno-con-volumen", "--network", "none", "-v", VOLUME + ":/datos", IMAGE, "sh", "-c",
                "echo 'datos que no se pueden perder' > /datos/importante.txt"));

        List<Thing> things = new ArrayList<>();
        for (String name : containers) {
            things.add(fingerprint(rootful, "contenedor", name));
        }
        for (String image : List.of(DERIVED, COMMITTED, TAGGED)) {
            things.add(fingerprint(rootful, "imagen", image));
        }
        things.add(fingerprint(rootful, "volumen", VOLUME));
        return things;
    }

    /** The student's own container named as a lesson names its own, running, with a file of theirs in it. */
    static Thing ownContainerNamed(boolean rootful, String name) throws IOException, InterruptedException {
        ok(podman(rootful, "run", "-d", "--name", name, "--network", "none", IMAGE, "sleep", "1000000"));
        ok(podman(rootful, "exec", name, "sh", "-c", "echo 'mi contenedor1, no el de la lección' > /root/mio.txt"));
        return fingerprint(rootful, "contenedor", name);
    }

    /** What {@code thing} is now: same kind and name, the id and fingerprint podman and the disk give today. */
    static Thing fingerprint(boolean rootful, String kind, String name) throws IOException, InterruptedException {
        String id;
        String dir;
        switch (kind) {
            case "contenedor" -> {
                id = ok(podman(rootful, "container", "inspect", "--format", "{{.Id}}", name)).strip();
                dir = ok(podman(rootful, "container", "inspect", "--format", "{{.GraphDriver.Data.UpperDir}}", name)).strip();
            }
            case "imagen" -> {
                id = ok(podman(rootful, "image", "inspect", "--format", "{{.Id}}", name)).strip();
                dir = ok(podman(rootful, "image", "inspect", "--format", "{{.GraphDriver.Data.UpperDir}}", name)).strip();
            }
            case "volumen" -> {
                id = ok(podman(rootful, "volume", "inspect", "--format", "{{.Name}}", name)).strip();
                dir = ok(podman(rootful, "volume", "inspect", "--format", "{{.Mountpoint}}", name)).strip();
            }
            default -> throw new IllegalArgumentException(kind);
        }
        List<String> command = new ArrayList<>(rootful ? List.of("sudo", "-n") : List.of("podman", "unshare"));
        command.addAll(List.of("sh", "-c", FINGERPRINT, "sh", dir));
        String[] out = ok(ChildProcess.run(new ProcessBuilder(command), TIMEOUT)).strip().split("\n");
        return new Thing(rootful, kind, name, id, out[0], Long.parseLong(out[1].strip()));
    }

    /** Removes the student's things again: the test made them, the test takes them away. */
    static void remove(List<Thing> things) throws IOException, InterruptedException {
        for (Thing t : things) {
            switch (t.kind()) {
                case "contenedor" -> podman(t.rootful(), "rm", "-f", "-t", "0", t.id());
                case "volumen" -> podman(t.rootful(), "volume", "rm", "-f", t.name());
                default -> { }
            }
        }
        // Images after the containers that use them; by name, so that a shared id keeps the course image's name.
        for (Thing t : things) {
            if (t.kind().equals("imagen")) {
                podman(t.rootful(), "rmi", t.name());
            }
        }
    }

    static void save(Path file, List<Thing> things) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, things.stream().map(Thing::line).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Thing> load(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Thing::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChildProcess.Result podman(boolean rootful, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(rootful ? List.of("sudo", "-n", "podman") : List.of("podman"));
        command.addAll(List.of(args));
        return ChildProcess.run(new ProcessBuilder(command), TIMEOUT);
    }

    private static String ok(ChildProcess.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.out();
    }
}
