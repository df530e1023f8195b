package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import capas.CapasException;
import capas.ChildProcess;
import capas.Env;
import capas.notebook.Prerequisites;
import capas.podman.GraphDriver;
import capas.practica.Task;
import capas.practica.Verdict;
import capas.practica.catalog.CopyUpAndWhiteout;
import capas.render.LayerExplorer;
import capas.store.Change;
import capas.store.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rootless store whose storage.conf sets {@code mount_program = "/usr/bin/fuse-overlayfs"}
 * (what older machines, and some students, still have) is read as right as the kernel's overlay:
 * the same container, the same changes, checked on two throw-away stores that differ only in
 * the mount program, so that both on-disk forms of a deletion are covered, and both kinds of mount
 * (the kernel's {@code overlay}, fuse-overlayfs's {@code fuse.fuse-overlayfs}) are found.
 *
 * <p>The lab finds its store through podman, which finds it through {@code CONTAINERS_STORAGE_CONF}:
 * a variable of the process, so the lab runs in a child JVM ({@link WhatTheLabSees}) started with
 * it, and says what it saw, one line per fact. The user's own store only lends the course image
 * ({@code podman save}); nothing is written to it.
 */
class FuseOverlayStoreIT {
    private static final String CONTAINER = "capas-it-fuse";
    /** A file written, a file of the image changed, one deleted, and a folder of the image deleted and made again. */
    private static final String CHANGES = "echo 'Ejemplo Podman' > /tmp/tmpfile.txt && echo x >> /etc/passwd && rm /etc/group"
            + " && rm -r /var/www && mkdir /var/www && echo n > /var/www/nuevo.html";

    /** How the store's overlay is mounted. */
    enum Driver {
        FUSE_OVERLAYFS("mount_program = \"/usr/bin/fuse-overlayfs\"\n", "fuse.fuse-overlayfs"),
        KERNEL_OVERLAY("", "overlay");

        final String overlayOptions;
        final String fsType;

        Driver(String overlayOptions, String fsType) {
            this.overlayOptions = overlayOptions;
            this.fsType = fsType;
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void theLabReadsAContainerOfTheStoreAsPodmanDoes(Driver driver) throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        if (driver == Driver.FUSE_OVERLAYFS) {
            Prerequisites.requireExecutable("/usr/bin/fuse-overlayfs");
            Prerequisites.require(Files.isReadable(Path.of("/dev/fuse")) && Files.isWritable(Path.of("/dev/fuse")),
                    "/dev/fuse readable and writable by the user (crw-rw-rw-, as udev leaves it)");
        }
        // In the home, like the default store: the same file system, so overlay works the same.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache")), "capas-fuse-");
        Path conf = dir.resolve("storage.conf");
        Files.writeString(conf, "[storage]\ndriver = \"overlay\"\nrunroot = \"" + dir.resolve("run") + "\"\ngraphroot = \""
                + dir.resolve("storage") + "\"\nrootless_storage_path = \"" + dir.resolve("storage") + "\"\n[storage.options.overlay]\n"
                + driver.overlayOptions);
        try {
            Path image = dir.resolve("curso.tar");
            podman(null, "save", "-o", image.toString(), Env.image());
            podman(conf, "load", "-i", image.toString());

            Map<String, List<String>> seen = whatTheLabSees(conf, dir);
            System.out.printf("FuseOverlayStoreIT %s: %s%n", driver, seen.entrySet().stream()
                    .filter(e -> !e.getKey().equals("explorerText")).toList());

            assertThat(one(seen, "graphRoot")).isEqualTo(dir.resolve("storage").toString());
            if (driver == Driver.FUSE_OVERLAYFS) {
                assertThat(one(seen, "graphOptions")).as("what podman info says of the store").contains("mount_program", "fuse-overlayfs");
            } else {
                assertThat(one(seen, "graphOptions")).as("what podman info says of the store").doesNotContain("mount_program");
            }
            // The file the container wrote is in its own layer's diff, and can be read there.
            Path diff = Path.of(one(seen, "diff"));
            System.out.printf("FuseOverlayStoreIT %s, on disk:%n%s", driver, onDisk(diff));
            assertThat(one(seen, "written")).isEqualTo("PRESENT true " + diff.resolve("tmp/tmpfile.txt"));
            assertThat(Files.readString(diff.resolve("tmp/tmpfile.txt"))).isEqualTo("Ejemplo Podman\n");
            // The file of the image it deleted is hidden by a mark in that same diff.
            assertThat(one(seen, "deleted")).startsWith("DELETED true whiteout " + diff.resolve("etc"));
            assertThat(one(seen, "underOpaque")).isEqualTo("ABSENT");
            // Its changes, as podman diff lists them.
            Set<String> changes = new HashSet<>(seen.get("changes"));
            assertThat(changes).contains("A /tmp/tmpfile.txt", "C /etc/passwd", "D /etc/group", "D /var/www", "A /var/www/nuevo.html");
            Set<String> podmans = new HashSet<>(seen.get("podmanDiff"));
            if (driver == Driver.FUSE_OVERLAYFS) {
                // With a mount program podman diffs the mounted trees instead of reading the marks (containers/storage's
                // naive diff): the remade folder is "C", and what the image had in it "D" one by one. The one difference.
                assertThat(podmans).contains("C /var/www", "D /var/www/index.html").doesNotContain("D /var/www");
                podmans.removeAll(Set.of("C /var/www", "D /var/www/index.html"));
                podmans.add("D /var/www");
            }
            assertThat(changes).isEqualTo(podmans);
            // The explorer is the same walk: the deletion a whiteout, the remade folder opaque.
            assertThat(new HashSet<>(seen.get("explorer"))).contains("D /etc/group", "D /var/www opaque", "A /var/www/nuevo.html",
                    "C /etc/passwd", "A /tmp/tmpfile.txt").noneMatch(l -> l.contains("opq"));
            assertThat(seen.get("explorerText")).contains("  D  /etc/group");
            assertThat(one(seen, "mount")).isEqualTo(driver.fsType);
            // The mount view finds the running container's mount and says who mounted it; where the table names no folders
            // (fuse-overlayfs), they come from the store, and are what podman inspect says.
            assertThat(one(seen, "mountView")).isEqualTo(driver.fsType + " " + diff);
            assertThat(one(seen, "mountViewMerged")).isEqualTo(one(seen, "inspectMerged"));
            assertThat(one(seen, "mountViewLowerIds")).isEqualTo(one(seen, "imageIds"));
            if (driver == Driver.FUSE_OVERLAYFS) {
                assertThat(one(seen, "mountViewLowerDirs")).isEqualTo(one(seen, "inspectLowerDirs"));
                assertThat(one(seen, "mountViewWork")).isEqualTo(one(seen, "inspectWork"));
            }
            assertThat(one(seen, "diagramMounted")).isEqualTo("true");
            assertThat(one(seen, "isOverlay")).as("merged is a mount, diff is not").isEqualTo("true false");
            // Práctica 4's checks, pointed at this store's lab.
            assertThat(seen.get("p4")).containsExactly("3 true", "5 true");
        } finally {
            // A failure is read first; what the clean-up leaves, the last assertion says.
            quietly(conf, "rm", "--force", "--ignore", "-t", "0", CONTAINER, "capas-p4");
            // podman made the store with ids of its user namespace: remove it from inside, once the mounts containers/storage
            // may leave under it there (overlay/ bind-mounted on itself) are gone.
            quietly(null, "unshare", "sh", "-c", "awk -v d=\"$1/\" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r"
                    + " | while read -r m; do umount -l \"$m\"; done; rm -rf \"$1\"", "sh", dir.toString());
        }
        assertThat(dir).doesNotExist();
    }

    /** What the lab, started with {@code conf} as its storage.conf, says of the container it makes. */
    private static Map<String, List<String>> whatTheLabSees(Path conf, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WhatTheLabSees.class.getName(), CONTAINER);
        builder.environment().put(Env.CONTAINERS_STORAGE_CONF, conf.toString());
        // The user's cached graphroot is left alone.
        builder.environment().put(Env.XDG_CACHE_HOME, dir.resolve("cache").toString());
        ChildProcess.Result result = ChildProcess.run(builder, Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, List<String>> seen = new HashMap<>();
        for (String line : result.out().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                seen.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
            }
        }
        return seen;
    }

    private static String one(Map<String, List<String>> seen, String key) {
        assertThat(seen.get(key)).as(key + " in " + seen).hasSize(1);
        return seen.get(key).get(0);
    }

    private static String podman(Path conf, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("podman"));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (conf != null) {
            builder.environment().put(Env.CONTAINERS_STORAGE_CONF, conf.toString());
        }
        ChildProcess.Result result = ChildProcess.run(builder, Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(argv + ": " + result.output()).isZero();
        return result.out();
    }

    private static void quietly(Path conf, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("podman"));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (conf != null) {
            builder.environment().put(Env.CONTAINERS_STORAGE_CONF, conf.toString());
        }
        ChildProcess.Result result = ChildProcess.run(builder, Duration.ofMinutes(3));
        if (result.exitCode() != 0) {
            System.out.printf("FuseOverlayStoreIT clean-up %s: %s%n", argv, result.output());
        }
    }

    /** The marks as they are on disk, {@code ls -l} and {@code getfattr} alike, for whoever reads the log. */
    private static String onDisk(Path diff) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path folder : List.of(diff.resolve("etc"), diff.resolve("var/www"))) {
            out.append("  ").append(diff.relativize(folder)).append(": ").append(xattrs(folder)).append('\n');
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : list.sorted().toList()) {
                    PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    Object rdev = Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
                    out.append(String.format("    %s %s rdev=%s size=%d%n", p.getFileName(),
                            a.isOther() ? "other" : a.isDirectory() ? "dir" : "file", rdev, a.size()));
                }
            }
        }
        return out.toString();
    }

    private static Set<String> xattrs(Path p) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        Set<String> names = new TreeSet<>();
        for (String name : view.list()) {
            ByteBuffer value = ByteBuffer.allocate(view.size(name));
            view.read(name, value);
            names.add("user." + name + "=" + new String(value.array(), StandardCharsets.UTF_8));
        }
        return names;
    }

    /**
     * The child: a notebook's view of the store {@code CONTAINERS_STORAGE_CONF} names. Makes the
     * container, changes it, and prints what the lab says, {@code key<TAB>value} a line.
     */
    static final class WhatTheLabSees {
        private WhatTheLabSees() {
        }

        public static void main(String[] args) {
            String name = args[0];
            try (Capas lab = Capas.rootless()) {
                print("graphRoot", lab.graphRoot());
                print("graphOptions", lab.podman().command("info", "--format", "{{.Store.GraphOptions}}").out().strip());
                lab.podman().run(name, Env.image());
                lab.podman().exec(name, "sh", "-c", CHANGES);
                String layer = lab.store().container(name).layer();
                print("diff", lab.store().diffDir(layer));

                Location written = lab.layers().locate(name, "/tmp/tmpfile.txt");
                print("written", written.state() + " " + written.inContainerLayer() + " " + written.host());
                Location deleted = lab.layers().locate(name, "/etc/group");
                print("deleted", deleted.state() + " " + deleted.inContainerLayer() + " " + deleted.type() + " " + deleted.host());
                print("underOpaque", lab.layers().locate(name, "/var/www/index.html").state());
                lab.layers().changes(name).forEach(c -> print("changes", c));
                lab.podman().diff(name).forEach(c -> print("podmanDiff", c));
                LayerExplorer explorer = lab.layers().explore(name);
                explorer.layers().get(0).entries().forEach(e -> print("explorer", e.mark() + " " + e.path() + (e.opaque() ? " opaque" : "")));
                explorer.text().lines().forEach(l -> print("explorerText", l));
                String merged = lab.store().mergedDir(layer).toString();
                lab.mounts().namespace().stream().filter(m -> m.mountPoint().equals(merged)).forEach(m -> print("mount", m.fsType()));
                // The line as the kernel writes it, for a unit test to keep (MountTest.FUSE_OVERLAYFS).
                print("mountinfo", lab.podman().unshare("grep", "-F", " " + merged + " ", "/proc/self/mountinfo").out().strip());
                try {
                    MountView view = lab.mounts().container(name);
                    print("mountView", view.fsType() + " " + view.upperDir());
                    print("mountViewMerged", view.mergedDir());
                    print("mountViewWork", view.workDir());
                    print("mountViewLowerDirs", String.join(":", view.lowerDirs()));
                    print("mountViewLowerIds", String.join(" ", view.lowerLayerIds()));
                    System.err.println(view);
                } catch (CapasException e) {
                    print("mountView", e.kind());
                }
                GraphDriver inspect = lab.podman().inspectGraphDriver(name);
                print("inspectMerged", inspect.mergedDir());
                print("inspectWork", inspect.workDir());
                print("inspectLowerDirs", String.join(":", inspect.lowerDirs()));
                print("imageIds", String.join(" ", lab.layers().imageLayerIds(Env.image())));
                print("diagramMounted", lab.layers().diagram(name, null).mounted());
                print("isOverlay", lab.mounts().isOverlay(Path.of(merged)) + " " + lab.mounts().isOverlay(lab.store().diffDir(layer)));

                CopyUpAndWhiteout p4 = new CopyUpAndWhiteout();
                p4.prepare(lab);
                Map<Integer, Task> tasks = p4.tasks(lab);
                lab.podman().exec("capas-p4", "sh", "-c", "echo x >> /etc/passwd");
                print("p4", answer(tasks, 3));
                lab.podman().exec("capas-p4", "rm", "/var/www/index.html");
                print("p4", answer(tasks, 5));
            }
        }

        private static String answer(Map<Integer, Task> tasks, int task) {
            Verdict v = tasks.get(task).check(null);
            System.err.println("p4 " + task + ": " + v);
            return task + " " + v.correct();
        }

        private static void print(String key, Object value) {
            System.out.println(key + "\t" + value);
        }
    }
}
