package capas.cli;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.aula.Accounts;
import capas.aula.AulaDir;
import capas.aula.servidor.ClassroomSettings;
import capas.aula.servidor.Hub;
import capas.aula.servidor.Network;
import capas.aula.servidor.StudentDisk;
import capas.aula.servidor.StudentImage;
import capas.doctor.Packages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.podman.Podman;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The classroom server's life: {@code sudo ./lab aula alumnos.csv [opciones]} prepares and starts
 * it (accounts, settings, network, course image, student image, Hub); {@code aula parar} stops the
 * Hub and the students' servers (their disks stay); {@code aula disco <nombre>} is what the
 * spawner asks before each start; {@code aula reiniciar-entorno <nombre>} is the panel's reset.
 */
final class AulaServer {
    private static final Messages M = Messages.of(AulaServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CACHE = Path.of("/var/cache/capas");
    private static final String LABEL = "capas.aula";
    private static final long PID_MAX = 4_194_304;

    private AulaServer() {
    }

    static Path jar() {
        return Checkout.root().resolve("target/capas.jar");
    }

    /** {@code aula [alumnos.csv] [opciones]}: prepares everything that is missing and (re)starts the Hub. */
    static int serve(List<String> args, Path dir, PrintStream out) {
        List<String> rest = new ArrayList<>();
        ClassroomSettings settings = ClassroomSettings.read(dir, jar().toString()).withOptions(args, rest);
        if (rest.size() > 1) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.serve.usage"));
        }
        folder(dir);
        if (rest.size() == 1) {
            Console.step(M.get("aula.step.accounts"));
            AulaCommand.accounts(new String[] {rest.get(0)}, dir, out);
        }
        if (Accounts.read(AulaDir.accounts(dir)).all().isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.no.accounts"), M.get("aula.serve.usage"));
        }
        secret(dir.resolve("proxy-token"));
        secret(dir.resolve("capas-token"));
        reserveIds(settings.uidBase());
        enoughPids(out);

        Console.step(M.get("aula.step.network"));
        settings = settings.withGateway(Network.ensure());
        Console.done(M.get("aula.network", Network.NAME, settings.gateway()));

        Console.step(M.get("aula.step.course"));
        Podman root = new Podman(Mode.ROOTFUL);
        CourseImage course = new CourseImage(Checkout.curso(), Env.image());
        Console.done(M.get(course.ensure(root, course.recipeHash()) ? "image.built" : "image.present", Stores.where(root), Env.image()));

        Console.step(M.get("aula.step.image"));
        List<String> packages = imagePackages(Packages.of("debian"));
        List<String> optional = Packages.of("debian").stream().filter(Packages.Package::optional).map(Packages.Package::name).toList();
        StudentImage image = new StudentImage(Checkout.root(), CACHE, StudentImage.hostRelease(), Console::line);
        boolean built = image.ensure(settings.image(), Env.image(), packages, optional);
        Console.done(M.get(built ? "aula.image.built" : "aula.image.present", settings.image()));
        int pruned = StudentImage.pruneEarlier(settings.image(), imagesInUse(dir));
        if (pruned > 0) {
            Console.done(M.get("aula.image.pruned", pruned));
        }
        settings = settings.withStartPage(StudentImage.labIn(CACHE.resolve("aula-" + StudentImage.hostRelease())).orElse("/tree"));
        settings.write(dir);

        Console.step(M.get("aula.step.hub"));
        Hub hub = new Hub(dir, Checkout.root().resolve("aula/jupyterhub_config.py"));
        hub.start(settings);
        String host = hostName();
        Console.done(M.get("aula.hub.ready", settings.url(host), hub.log()));
        out.println();
        out.println(M.get("aula.ready", settings.url(host), settings.url(host) + "services/panel/", settings.memory(),
                String.valueOf(settings.cpus()), String.valueOf(settings.processes()), settings.disk(), String.valueOf(settings.idleMinutes())));
        if (settings.certificate() == null) {
            out.println(M.get("aula.no.tls"));
        }
        return 0;
    }

    /**
     * The student image's packages: the lab's own (podman, Jupyter, Java, sudo) and the
     * classroom's, without what only builds Capas (Maven: the jar comes built) or only makes the
     * image (debootstrap).
     */
    static List<String> imagePackages(List<Packages.Package> list) {
        return list.stream().filter(p -> !p.optional())
                .filter(p -> Stream.of("podman", "jupyter", "java", "sistema", Packages.CLASSROOM, Packages.CLASSROOM_STUDENT)
                        .anyMatch(p.group()::equals))
                .map(Packages.Package::name).filter(n -> !n.equals("maven") && !n.equals("debootstrap")).toList();
    }

    /** {@code aula parar}: the Hub stops, and so do the students' servers; their disks stay. */
    static int stop(Path dir, PrintStream out) {
        boolean hub = new Hub(dir, Checkout.root().resolve("aula/jupyterhub_config.py")).stop();
        int stopped = 0;
        for (StudentDisk disk : disks(dir)) {
            String name = disk.container().substring("capas-aula-".length());
            stopped += removeContainer(disk, name) ? 1 : 0;
        }
        out.println(M.get("aula.stopped", hub ? M.get("aula.stopped.hub") : M.get("aula.stopped.nohub"), stopped));
        return 0;
    }

    /**
     * {@code aula borrar --confirmo}: the whole classroom goes: the Hub, every student's container
     * and disk (copies included) and the state folder. For a classroom made to be thrown away (the
     * tests', the bench's), or a course that is over and whose work is saved elsewhere.
     */
    static int remove(List<String> args, Path dir, PrintStream out) {
        if (!args.equals(List.of("--confirmo"))) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.borrar.usage", dir));
        }
        if (!Files.isDirectory(dir)) {
            out.println(M.get("aula.borrar.nothing", dir));
            return 0;
        }
        stop(dir, out);
        for (StudentDisk disk : disks(dir)) {
            disk.remove();
        }
        // Never into a disk still mounted under it: that would be a student's files, not the folder's.
        CommandResult rm = Commands.run(List.of("rm", "-rf", "--one-file-system", dir.toString()), Map.of(), 300);
        if (!rm.ok() || Files.exists(dir)) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.borrar.failed", dir, rm.firstLine()));
        }
        out.println(M.get("aula.borrar.done", dir));
        return 0;
    }

    /** {@code aula disco <nombre>}: the student's disk, made and mounted; prints what the spawner needs (JSON). */
    static int disk(List<String> args, Path dir, PrintStream out) {
        StudentDisk disk = diskOf(args, dir);
        ClassroomSettings settings = ClassroomSettings.read(dir, jar().toString());
        disk.ensure(settings.disk());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("home", disk.home().toString());
        answer.put("contenedores", disk.rootfulStore().toString());
        answer.put("base_uid", disk.uidBase());
        answer.put("podman", disk.podman());
        answer.put("ids", StudentDisk.IDS);
        try {
            out.println(JSON.writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }

    /**
     * {@code aula reiniciar-entorno <nombre>}: the student's container and disk go, after a copy
     * of the home is kept; the next start begins as on the first day. The panel stops the server
     * through the Hub first.
     */
    static int resetEnvironment(List<String> args, Path dir, PrintStream out) {
        StudentDisk disk = diskOf(args, dir);
        removeContainer(disk, args.get(0));
        Path copy = disk.remove();
        out.println(M.get("aula.reset", args.get(0), copy));
        return 0;
    }

    /** Each student's home on the host, their disk mounted if it exists (after a reboot, before any login). */
    static capas.aula.ClassGrid.Homes homes(Path dir) {
        Accounts accounts = Accounts.read(AulaDir.accounts(dir));
        long base = ClassroomSettings.read(dir, jar().toString()).uidBase();
        Path store = imageStore();
        return student -> accounts.find(student).map(a -> new StudentDisk(dir, a.name(), base, a.index(), store))
                .filter(StudentDisk::mountIfExists).map(StudentDisk::home);
    }

    private static StudentDisk diskOf(List<String> args, Path dir) {
        if (args.size() != 1) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.name.usage"));
        }
        Accounts.Account account = Accounts.read(AulaDir.accounts(dir)).find(args.get(0))
                .orElseThrow(() -> new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.unknown", args.get(0))));
        ClassroomSettings settings = ClassroomSettings.read(dir, jar().toString());
        return new StudentDisk(dir, account.name(), settings.uidBase(), account.index(), imageStore());
    }

    /** Root's store, where the student image is. */
    private static Path imageStore() {
        return new Podman(Mode.ROOTFUL).graphRoot();
    }

    /** Every student's disk that exists. */
    private static List<StudentDisk> disks(Path dir) {
        Accounts accounts = Accounts.read(AulaDir.accounts(dir));
        long base = ClassroomSettings.read(dir, jar().toString()).uidBase();
        Path store = imageStore();
        return accounts.all().stream().map(a -> new StudentDisk(dir, a.name(), base, a.index(), store)).filter(StudentDisk::exists).toList();
    }

    /** The images the containers of this classroom's students were made from (each in the student's own store). */
    private static java.util.Set<String> imagesInUse(Path dir) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (StudentDisk disk : disks(dir)) {
            if (disk.mountIfExists()) {
                List<String> ps = new ArrayList<>(disk.podman());
                ps.addAll(List.of("ps", "-a", "--no-trunc", "--format", "{{.ImageID}}"));
                Commands.run(ps, Map.of(), 60).out().lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(ids::add);
            }
        }
        return ids;
    }

    /** Removes the student's container, if it is the classroom's. */
    private static boolean removeContainer(StudentDisk disk, String name) {
        if (!disk.mountIfExists()) {
            return false;
        }
        List<String> inspect = new ArrayList<>(disk.podman());
        inspect.addAll(List.of("container", "inspect", "--format", "{{index .Config.Labels \"" + LABEL + "\"}}", disk.container()));
        CommandResult label = Commands.run(inspect, Map.of(), 60);
        if (!label.ok() || !label.out().strip().equals(name)) {
            return false;
        }
        List<String> rm = new ArrayList<>(disk.podman());
        rm.addAll(List.of("rm", "-f", "-t", "10", disk.container()));
        return Commands.run(rm, Map.of(), 120).ok();
    }

    /** {@code aula podman <nombre> <argumentos…>}: podman on the student's own store (their container is there). */
    static int podman(List<String> args, Path dir) {
        if (args.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.name.usage"));
        }
        StudentDisk disk = diskOf(args.subList(0, 1), dir);
        disk.mountIfExists();
        List<String> argv = new ArrayList<>(disk.podman());
        argv.addAll(args.subList(1, args.size()));
        try {
            return new ProcessBuilder(argv).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * {@code aula reiniciar <nombre> <cuaderno>}: the student's notebook as on the first day (their copy
     * kept in notebooks/.copias), run as the student inside their container.
     */
    static int resetNotebook(List<String> args, Path dir, PrintStream out) {
        if (args.size() != 2) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.reiniciar.usage"));
        }
        StudentDisk disk = diskOf(args.subList(0, 1), dir);
        List<String> argv = new ArrayList<>(disk.podman());
        argv.addAll(List.of("exec", "-u", "alumno", "-w", "/home/alumno", disk.container(), "java", "-jar", "/opt/capas/target/capas.jar",
                "reiniciar", args.get(1), "--desde", "/opt/capas", "--en", "/home/alumno/capas"));
        CommandResult result = Commands.run(argv, Map.of(), 300);
        out.print(result.out());
        System.err.print(result.err());
        return result.exitCode();
    }

    private static void folder(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void secret(Path file) {
        if (Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The students' uid range, reserved in /etc/subuid and /etc/subgid under a name no user has. */
    private static void reserveIds(long base) {
        try {
            capas.os.SubIds.reserve("capas-aula", new capas.os.SubIds.Range(base, StudentDisk.IDS * 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each student may run {@code procesos} tasks; the kernel's default table (32 768 on a
     * machine without systemd) would let eight fork bombs fill it. Raised, until the next boot, to
     * systemd's own default.
     */
    private static void enoughPids(PrintStream out) {
        Path pidMax = Path.of("/proc/sys/kernel/pid_max");
        try {
            long now = Long.parseLong(Files.readString(pidMax).strip());
            if (now < PID_MAX) {
                Files.writeString(pidMax, PID_MAX + "\n");
                Console.done(M.get("aula.pid.max", String.valueOf(now), String.valueOf(PID_MAX)));
            }
        } catch (IOException | NumberFormatException e) {
            Console.warn(M.get("aula.pid.max.failed", e.getMessage()));
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
