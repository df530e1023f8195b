package capas.doctor;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.os.CommandResult;
import capas.podman.Podman;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Looks at this machine the way the lessons will use it and says, check by check, what works,
 * what does not and the exact command that fixes it.
 *
 * <p>Only looks: it changes nothing. A check that finds something this machine needs changed
 * carries the {@link Repair} that changes it, which only {@code ./lab doctor --arreglar} applies
 * (see {@link Repairs}). The same checks serve {@code ./lab doctor} and the notebook
 * {@code 00-preparacion}.
 */
public final class Doctor {
    private static final Messages M = Messages.of(Doctor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bit of CAP_SYS_RESOURCE in /proc/self/status CapBnd. */
    private static final int CAP_SYS_RESOURCE = 24;
    /** Limits runc can set without CAP_SYS_RESOURCE, and enough for the lessons' containers. */
    static final String LOWER_ULIMITS = "[\"nofile=1024:1024\", \"nproc=4096:4096\"]";
    private static final Path TUN = Path.of("/dev/net/tun");
    private static final Path CGROUP_UNIFIED = Path.of("/sys/fs/cgroup/unified");

    private final HostCommand host;
    private final String user;
    private final Path home;
    private final boolean root;
    private final String image;

    Doctor(HostCommand host, String user, Path home, boolean root, String image) {
        this.host = host;
        this.user = user;
        this.home = home;
        this.root = root;
        this.image = image;
    }

    /** The doctor for the running user on this machine. */
    public static Doctor forThisMachine() {
        String user = System.getProperty("user.name");
        return new Doctor(new HostCommand(Env.path()), user, Path.of(System.getProperty("user.home")),
                "root".equals(user), Env.image());
    }

    /** Runs every check; takes a few seconds because it asks podman in both modes. */
    public static Diagnosis diagnose() {
        return forThisMachine().run();
    }

    /**
     * What the lab cannot start without, beyond the Java running this: Jupyter and Podman. The
     * launcher stops on an error here before preparing anything.
     */
    public List<Check> requirements() {
        return List.of(jupyter(), podman());
    }

    private Check podman() {
        CommandResult version = host.run("podman", "--version");
        return version.ok()
                ? Check.ok(M.get("topic.podman"), M.get("podman.version", version.firstLine().replace("podman version ", "")))
                : Check.error(M.get("topic.podman"), M.get("podman.missing"), Packages.hint("podman"));
    }

    public Diagnosis run() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(jupyter());
        checks.add(kernel());
        Check podman = podman();
        checks.add(podman);
        if (podman.status() == Status.ERROR) {
            return new Diagnosis(checks);
        }
        Optional<JsonNode> rootless = Optional.empty();
        if (root) {
            checks.add(Check.warn(M.get("topic.rootless"), M.get("rootless.as.root"), "./lab"));
        } else {
            checks.add(subIds());
            checks.add(userNamespace());
            rootless = podmanInfo(false);
            checks.add(store(M.get("topic.store.rootless"), rootless, false));
        }
        checks.add(sudo());
        Optional<JsonNode> rootful = root || host.run("sudo", "-n", "true").ok() ? podmanInfo(true) : Optional.empty();
        checks.add(store(M.get("topic.store.rootful"), rootful, true));
        checks.add(runtime(rootful.isPresent() ? rootful : rootless));
        checks.add(rlimits());
        checks.add(tun());
        checks.add(propagation());
        if (!root) {
            checks.add(courseImage(M.get("topic.image.rootless"), false, rootless.isPresent()));
        }
        checks.add(courseImage(M.get("topic.image.rootful"), true, rootful.isPresent()));
        return new Diagnosis(checks);
    }

    private Check java() {
        return Check.ok(M.get("topic.java"), M.get("java.version", Runtime.version().feature(), System.getProperty("java.home")));
    }

    /**
     * The {@code jupyter} command the lab uses: Debian's {@code /usr/bin/jupyter} first, because the
     * {@code python3} on PATH may be another Python without Jupyter; else the one on PATH.
     */
    public Optional<Path> jupyterCommand() {
        Path debian = Path.of("/usr/bin/jupyter");
        return Files.isExecutable(debian) ? Optional.of(debian) : host.which("jupyter");
    }

    private Check jupyter() {
        String topic = M.get("topic.jupyter");
        Optional<Path> found = jupyterCommand();
        if (found.isEmpty()) {
            return Check.error(topic, M.get("jupyter.missing"), Packages.hint("jupyter"));
        }
        String python = interpreterOf(found.get());
        CommandResult modules = host.run(python, "-c", "import notebook, nbconvert, nbclient");
        if (!modules.ok()) {
            return Check.error(topic, M.get("jupyter.modules", found.get(), python), Packages.hint("jupyter"));
        }
        String detail = M.get("jupyter.found", found.get(), python);
        Optional<Path> pathPython = host.which("python3");
        if (pathPython.isPresent() && !pathPython.get().toString().equals(python)
                && !host.run(pathPython.get().toString(), "-c", "import notebook").ok()) {
            detail += " " + M.get("jupyter.other.python", pathPython.get());
        }
        return Check.ok(topic, detail);
    }

    /** The interpreter of a script, from its {@code #!} line. */
    private static String interpreterOf(Path script) {
        try (Stream<String> lines = Files.lines(script)) {
            String first = lines.findFirst().orElse("");
            return first.startsWith("#!") ? first.substring(2).trim().split("\\s+")[0] : "python3";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "python3";
        }
    }

    private Check kernel() {
        Path spec = home.resolve(".local/share/jupyter/kernels/capas/kernel.json");
        return Files.isRegularFile(spec)
                ? Check.ok(M.get("topic.kernel"), M.get("kernel.found", spec))
                : Check.warn(M.get("topic.kernel"), M.get("kernel.missing", spec), "./lab");
    }

    private Check subIds() {
        String topic = M.get("topic.subids");
        Optional<String> uids = subRange(Path.of("/etc/subuid"));
        Optional<String> gids = subRange(Path.of("/etc/subgid"));
        if (uids.isPresent() && gids.isPresent()) {
            return Check.ok(topic, M.get("subids.found", uids.get(), gids.get()));
        }
        return Check.error(topic, M.get("subids.missing", user),
                "sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 " + user);
    }

    private Optional<String> subRange(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            String uid = String.valueOf(new com.sun.security.auth.module.UnixSystem().getUid());
            return lines.map(l -> l.split(":")).filter(f -> f.length == 3 && (f[0].equals(user) || f[0].equals(uid)))
                    .map(f -> f[1] + ":" + f[2]).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Check userNamespace() {
        CommandResult unshare = host.run("podman", "unshare", "true");
        return unshare.ok()
                ? Check.ok(M.get("topic.userns"), M.get("userns.ok"))
                : Check.error(M.get("topic.userns"), M.get("userns.failed", lastLine(unshare.err())),
                        "sudo apt install uidmap  ·  podman system migrate");
    }

    /** The podman of a mode: rootful is sudo -n podman unless we are root, decided in one place (Podman). */
    private static Podman podmanOf(boolean rootful) {
        return new Podman(rootful ? Mode.ROOTFUL : Mode.ROOTLESS);
    }

    private Optional<JsonNode> podmanInfo(boolean rootful) {
        try {
            CommandResult info = podmanOf(rootful).command("info", "--format", "json");
            return info.ok() ? Optional.of(JSON.readTree(info.out())) : Optional.empty();
        } catch (CapasException | IOException e) {
            // sudo wants a password, or podman cannot answer: the store check says so.
            return Optional.empty();
        }
    }

    private Check store(String topic, Optional<JsonNode> info, boolean rootful) {
        if (info.isEmpty()) {
            return rootful
                    ? Check.warn(topic, M.get("store.rootful.unreachable"), "./lab doctor (" + M.get("store.as.sudoer") + ")")
                    : Check.error(topic, M.get("store.rootless.unreachable"), "podman info");
        }
        JsonNode store = info.get().path("store");
        String driver = store.path("graphDriverName").asText("?");
        String graphRoot = store.path("graphRoot").asText("?");
        if ("overlay".equals(driver)) {
            return Check.ok(topic, M.get("store.overlay", graphRoot, store.path("runRoot").asText("?")));
        }
        String conf = rootful ? "/etc/containers/storage.conf" : home.resolve(".config/containers/storage.conf").toString();
        return Check.warn(topic, M.get("store.not.overlay", driver, graphRoot),
                M.get("store.fix", conf));
    }

    private Check sudo() {
        String topic = M.get("topic.sudo");
        if (root) {
            return Check.ok(topic, M.get("sudo.root"));
        }
        if (host.which("sudo").isEmpty()) {
            return Check.warn(topic, M.get("sudo.missing"), "su -c 'apt install sudo && usermod -aG sudo " + user + "'");
        }
        return host.run("sudo", "-n", "true").ok()
                ? Check.ok(topic, M.get("sudo.ok"))
                : Check.warn(topic, M.get("sudo.password"), "sudo -v");
    }

    private Check runtime(Optional<JsonNode> info) {
        String topic = M.get("topic.runtime");
        if (info.isEmpty()) {
            return Check.warn(topic, M.get("runtime.unknown"), "podman info");
        }
        JsonNode hostInfo = info.get().path("host");
        String runtime = hostInfo.path("ociRuntime").path("name").asText("?");
        String cgroups = hostInfo.path("cgroupVersion").asText("?");
        boolean hybrid = Files.isDirectory(CGROUP_UNIFIED);
        if ("crun".equals(runtime) && hybrid) {
            Check check = Check.error(topic, M.get("runtime.crun.hybrid"), DropIn.PATH + ": [engine] runtime = \"runc\"");
            // Switching to runc only helps where runc is installed; otherwise the fix says to install it.
            return host.which("runc").isPresent()
                    ? check.repairedBy(Repairs.dropIn(Path.of(DropIn.PATH), "engine", "runtime", "\"runc\"", "repair.runtime"))
                    : new Check(topic, Status.ERROR, M.get("runtime.crun.hybrid"), Packages.hint("podman"));
        }
        return Check.ok(topic, M.get("runtime.ok", runtime, cgroups + (hybrid ? " (" + M.get("runtime.hybrid") + ")" : "")));
    }

    private Check rlimits() {
        String topic = M.get("topic.rlimits");
        if (hasCapability(CAP_SYS_RESOURCE)) {
            return Check.ok(topic, M.get("rlimits.ok"));
        }
        Optional<Path> lowered = containersConfFiles().filter(Doctor::setsDefaultUlimits).findFirst();
        return lowered.isPresent()
                ? Check.ok(topic, M.get("rlimits.lowered", lowered.get()))
                : Check.error(topic, M.get("rlimits.missing"), DropIn.PATH + ": [containers] default_ulimits = " + LOWER_ULIMITS)
                        .repairedBy(Repairs.dropIn(Path.of(DropIn.PATH), "containers", "default_ulimits", LOWER_ULIMITS, "repair.rlimits"));
    }

    private static boolean hasCapability(int bit) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("CapBnd:")).findFirst()
                    .map(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) >> bit & 1) == 1).orElse(true);
        } catch (IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    private Stream<Path> containersConfFiles() {
        List<Path> files = new ArrayList<>(List.of(Path.of("/usr/share/containers/containers.conf"),
                Path.of("/etc/containers/containers.conf"), home.resolve(".config/containers/containers.conf")));
        for (Path dir : List.of(Path.of("/etc/containers/containers.conf.d"), home.resolve(".config/containers/containers.conf.d"))) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.filter(p -> p.toString().endsWith(".conf")).sorted().forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // No drop-in folder: nothing to add.
            }
        }
        return files.stream().filter(Files::isReadable);
    }

    private static boolean setsDefaultUlimits(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).anyMatch(l -> l.startsWith("default_ulimits") && l.contains("nofile"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private Check tun() {
        String topic = M.get("topic.tun");
        if (!Files.exists(TUN)) {
            return Check.warn(topic, M.get("tun.missing"), "sudo modprobe tun");
        }
        return openToUsers(TUN)
                ? Check.ok(topic, M.get("tun.ok"))
                : Check.warn(topic, M.get("tun.closed"), "sudo chmod 0666 " + TUN).repairedBy(Repairs.openTun(TUN));
    }

    /**
     * Whether a normal user can open {@code device}. Root may open anything, so as root the
     * mode bits for others decide: that is what the lab user will meet.
     */
    private boolean openToUsers(Path device) {
        if (!root) {
            return Files.isReadable(device) && Files.isWritable(device);
        }
        try {
            int mode = (Integer) Files.getAttribute(device, "unix:mode");
            return (mode & 06) == 06;
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private Check propagation() {
        String topic = M.get("topic.propagation");
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            boolean shared = lines.map(l -> l.split(" ")).filter(f -> f.length > 6 && "/".equals(f[4]))
                    .reduce((a, b) -> b).map(f -> String.join(" ", f).contains(" shared:")).orElse(true);
            return shared ? Check.ok(topic, M.get("propagation.ok"))
                    : Check.warn(topic, M.get("propagation.private"), "sudo mount --make-rshared /").repairedBy(Repairs.sharedRoot());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Check.ok(topic, M.get("propagation.ok"));
        }
    }

    private Check courseImage(String topic, boolean rootful, boolean storeReachable) {
        if (!storeReachable) {
            return Check.warn(topic, M.get("image.store.unreachable", image), "./lab");
        }
        boolean exists;
        try {
            exists = podmanOf(rootful).command("image", "exists", image).ok();
        } catch (CapasException e) {
            exists = false;
        }
        return exists
                ? Check.ok(topic, M.get("image.present", image))
                : Check.warn(topic, M.get("image.missing", image), "./lab");
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
