package capas.aula.servidor;

import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The student image of the classroom, built offline: a Debian userland of the server's own
 * release from the Debian archive apt already uses (debootstrap, then apt in a chroot), with the
 * lab's packages, the user {@code alumno} and its subordinate ids, this checkout and its jar in
 * {@code /opt/capas}, the start script and the course image (a {@code podman save}) in
 * {@code /opt/capas-aula}; then {@code podman import}.
 *
 * <p>The userland is kept in {@code /var/cache/capas/aula-<release>} and made again only when the
 * package list changes; the image is imported again only when what goes into it changes (its
 * label {@value #RECIPE} holds the hash).
 */
public final class StudentImage {
    private static final Messages M = Messages.of(StudentImage.class);
    public static final String RECIPE = "capas.aula.receta";
    /** The tag an image was imported as: once the tag moves on, the old image is found by it to be removed. */
    public static final String TAG = "capas.aula.etiqueta";
    private static final String STAMP = ".capas-paquetes";
    private static final long APT_SECONDS = 1800;

    private final Path checkout;
    private final Path cache;
    private final String release;
    private final Consumer<String> progress;

    /**
     * @param checkout this checkout (its {@code target/capas.jar} built)
     * @param cache    the folder that keeps the userland between builds
     * @param release  the Debian release to build ({@code bookworm}, {@code trixie}): the server's own
     */
    public StudentImage(Path checkout, Path cache, String release, Consumer<String> progress) {
        this.checkout = checkout;
        this.cache = cache;
        this.release = release;
        this.progress = progress;
    }

    /** The server's own release, from {@code /etc/os-release}. */
    public static String hostRelease() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("VERSION_CODENAME="))
                    .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).findFirst()
                    .orElseThrow(() -> new CapasException(CapasException.Kind.ENVIRONMENT, M.get("image.release")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The userland for {@code packages}, made once and kept; returns its folder. */
    Path userland(List<String> packages, List<String> optional) {
        Path root = cache.resolve("aula-" + release);
        String wanted = String.join(" ", packages) + " | " + String.join(" ", optional) + "\n";
        if (wanted.equals(read(root.resolve(STAMP)))) {
            return root;
        }
        progress.accept(M.get("image.userland", root));
        Path tmp = root.resolveSibling(root.getFileName() + ".tmp");
        run(List.of("rm", "-rf", tmp.toString()), 120);
        String mirror = mirror();
        run(List.of("debootstrap", "--variant=minbase", "--include=ca-certificates", release, tmp.toString(), mirror), APT_SECONDS);
        try {
            // The server may reach the archive through a trusted proxy of its own: the image's apt too.
            Path cas = Path.of("/usr/local/share/ca-certificates");
            if (Files.isDirectory(cas)) {
                try (Stream<Path> files = Files.list(cas)) {
                    for (Path ca : files.toList()) {
                        Files.copy(ca, tmp.resolve("usr/local/share/ca-certificates").resolve(ca.getFileName()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                chroot(tmp, "update-ca-certificates");
            }
            Files.writeString(tmp.resolve("etc/apt/sources.list"),
                    "deb " + mirror + " " + release + " main\ndeb " + mirror + " " + release + "-updates main\n");
            chroot(tmp, "apt-get update -qq");
            List<String> install = new ArrayList<>(packages);
            for (String p : optional) {
                if (chrootResult(tmp, "apt-cache show " + p).ok()) {
                    install.add(p);
                }
            }
            run(List.of("mount", "-t", "proc", "proc", tmp.resolve("proc").toString()), 60);
            try {
                chroot(tmp, "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends " + String.join(" ", install));
            } finally {
                run(List.of("umount", tmp.resolve("proc").toString()), 60);
            }
            chroot(tmp, "apt-get clean && rm -rf /var/lib/apt/lists/*");
            // The student: uid 1000, the same subordinate range as ./lab gives on a laptop, sudo without
            // password (root only inside the student's own user namespace).
            chroot(tmp, "useradd -M -d /home/alumno -s /bin/bash -u 1000 -c 'Capas, alumno del aula' alumno"
                    + " && echo alumno:100000:65536 > /etc/subuid && echo alumno:100000:65536 > /etc/subgid"
                    + " && echo 'alumno ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/capas-alumno && chmod 0440 /etc/sudoers.d/capas-alumno");
            Files.writeString(tmp.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n");
            Files.writeString(tmp.resolve(STAMP), wanted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("rm", "-rf", root.toString()), 600);
        run(List.of("mv", tmp.toString(), root.toString()), 60);
        return root;
    }

    /**
     * Builds the image unless the store has it with this very content.
     *
     * @param courseImage the course image, in root's store, saved into the student image
     * @return whether it was built
     */
    public boolean ensure(String tag, String courseImage, List<String> packages, List<String> optional) {
        Path root = userland(packages, optional);
        try {
            Path opt = root.resolve("opt");
            Path capas = opt.resolve("capas");
            Path aula = opt.resolve("capas-aula");
            run(List.of("rm", "-rf", capas.toString(), aula.toString()), 120);
            Files.createDirectories(capas);
            Files.createDirectories(aula);
            copyCheckout(capas);
            Path start = checkout.resolve("aula/alumno");
            Files.copy(start.resolve("arranque"), aula.resolve("arranque"));
            aula.resolve("arranque").toFile().setExecutable(true, false);
            Files.copy(start.resolve("containers.conf"), root.resolve("etc/containers/containers.conf"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(start.resolve("storage.conf"), root.resolve("etc/containers/storage.conf"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(aula.resolve("imagen"), courseImage + "\n");
            // The container's own file system is read-only: what the start script writes for podman
            // (this container's limits) goes to /run, where podman still finds it.
            Path dropIns = root.resolve("etc/containers/containers.conf.d");
            run(List.of("rm", "-rf", dropIns.toString()), 60);
            Files.createSymbolicLink(dropIns, Path.of("/run/capas-aula/containers.conf.d"));
            String courseId = run(List.of("podman", "image", "inspect", "--format", "{{.Id}}", courseImage), 60).out().strip();
            String recipe = hash(root.resolve(STAMP), opt, root.resolve("etc/containers"), courseId);
            CommandResult have = Commands.run(List.of("podman", "image", "inspect", "--format",
                    "{{index .Labels \"" + RECIPE + "\"}}", tag), Map.of(), 60);
            if (have.ok() && have.out().strip().equals(recipe)) {
                return false;
            }
            progress.accept(M.get("image.import", tag));
            run(List.of("podman", "save", "-q", "-o", aula.resolve("curso.tar").toString(), courseImage), 600);
            run(List.of("bash", "-c", "set -o pipefail; tar -C \"$1\" -c . | podman import -q --change \"LABEL " + RECIPE + "=" + recipe
                    + "\" --change \"LABEL " + TAG + "=" + tag + "\" --change 'CMD [\"/usr/bin/catatonit\", \"--\", \"/opt/capas-aula/arranque\"]' - \"$2\"", "importar",
                    root.toString(), tag), 1200);
            Files.deleteIfExists(aula.resolve("curso.tar"));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code ./lab} copies for a student (all but {@code .git} and the build), and the built jar with its libraries. */
    private void copyCheckout(Path target) throws IOException {
        Path built = checkout.resolve("target");
        Files.walkFileTree(checkout, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = checkout.relativize(dir);
                if (rel.toString().equals(".git") || rel.toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(rel.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(checkout.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        Files.createDirectories(target.resolve("target"));
        run(List.of("cp", "-a", built.resolve("capas.jar").toString(), built.resolve("lib").toString(),
                target.resolve("target").toString()), 120);
        run(List.of("chmod", "-R", "a+rX", target.toString()), 120);
    }

    /** The recipe's hash: the package list, every file under the folders given, the course image's id. */
    static String hash(Path stamp, Path opt, Path conf, String courseId) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(stamp));
            for (Path dir : List.of(opt, conf)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = Files.newInputStream(file)) {
                            byte[] buffer = new byte[1 << 16];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                sha.update(buffer, 0, n);
                            }
                        }
                    }
                }
            }
            sha.update(courseId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Debian archive this machine's apt uses (deb822 sources first, then one-line ones). */
    static String mirror() {
        List<String> uris = new ArrayList<>();
        try (Stream<Path> files = list(Path.of("/etc/apt/sources.list.d"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sources")).sorted().toList()) {
                Files.readAllLines(f).stream().filter(l -> l.startsWith("URIs:")).map(l -> l.substring(5).strip().split("\\s+")[0])
                        .forEach(uris::add);
            }
            List<Path> oneLine = new ArrayList<>(List.of(Path.of("/etc/apt/sources.list")));
            try (Stream<Path> more = list(Path.of("/etc/apt/sources.list.d"))) {
                more.filter(p -> p.toString().endsWith(".list")).sorted().forEach(oneLine::add);
            }
            for (Path f : oneLine) {
                if (Files.isRegularFile(f)) {
                    Files.readAllLines(f).stream().filter(l -> l.startsWith("deb ")).map(l -> l.split("\\s+"))
                            .map(w -> w[1].startsWith("[") ? w[2] : w[1]).forEach(uris::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mirror(uris);
    }

    static String mirror(List<String> uris) {
        return uris.stream().filter(u -> !u.contains("security")).findFirst().orElse("http://deb.debian.org/debian");
    }

    private static Stream<Path> list(Path dir) throws IOException {
        return Files.isDirectory(dir) ? Files.list(dir) : Stream.empty();
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chroot(Path root, String script) {
        CommandResult result = chrootResult(root, script);
        if (!result.ok()) {
            throw failed(script, result);
        }
    }

    private static CommandResult chrootResult(Path root, String script) {
        return Commands.run(List.of("chroot", root.toString(), "/bin/bash", "-c", script),
                Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "LANG", "C.UTF-8"), APT_SECONDS);
    }

    private static CommandResult run(List<String> argv, long seconds) {
        CommandResult result = Commands.run(argv, Map.of(), seconds);
        if (!result.ok()) {
            throw failed(String.join(" ", argv.subList(0, Math.min(3, argv.size()))), result);
        }
        return result;
    }

    private static CapasException failed(String what, CommandResult result) {
        List<String> lines = (result.err().isBlank() ? result.out() : result.err()).strip().lines().toList();
        return new CapasException(CapasException.Kind.ENVIRONMENT, M.get("image.failed", what,
                lines.isEmpty() ? "" : lines.get(lines.size() - 1)), M.get("image.failed.hint"));
    }

    /**
     * Removes the earlier imports of {@code tag} (untagged once the tag moved on) that no container
     * in {@code inUse} was made from: each classroom re-imports its image when the lab changes.
     *
     * @return how many were removed
     */
    public static int pruneEarlier(String tag, java.util.Set<String> inUse) {
        CommandResult old = Commands.run(List.of("podman", "images", "-q", "--no-trunc", "--filter", "dangling=true", "--filter",
                "label=" + TAG + "=" + tag), Map.of(), 120);
        int removed = 0;
        for (String id : old.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String bare = id.startsWith("sha256:") ? id.substring(7) : id;
            if (inUse.stream().noneMatch(u -> u.startsWith(bare) || bare.startsWith(u))
                    && Commands.run(List.of("podman", "rmi", bare), Map.of(), 300).ok()) {
                removed++;
            }
        }
        return removed;
    }

    /** The image's start page: JupyterLab where the image has it. */
    public static Optional<String> labIn(Path userland) {
        return Files.isRegularFile(userland.resolve("usr/bin/jupyter-lab")) ? Optional.of("/lab") : Optional.empty();
    }
}
