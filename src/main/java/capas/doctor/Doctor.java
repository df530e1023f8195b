package capas.doctor;

import capas.Env;
import capas.os.CommandResult;
import capas.Messages;
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
 * <p>Only looks: it changes nothing. The same checks serve {@code ./lab doctor} and the
 * notebook {@code 00-preparacion}.
 */
public final class Doctor {
    private static final Messages M = Messages.of(Doctor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bit of CAP_SYS_RESOURCE in /proc/self/status CapBnd. */
    private static final int CAP_SYS_RESOURCE = 24;
    static final String DEBIAN_INSTALL = "sudo apt install podman runc uidmap slirp4netns fuse-overlayfs busybox-static bash-static";
    static final String FEDORA_INSTALL = "sudo dnf install podman runc shadow-utils slirp4netns fuse-overlayfs busybox";

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
        return new Doctor(new HostCommand(System.getenv("PATH")), user, Path.of(System.getProperty("user.home")),
                "root".equals(user), Env.image());
    }

    /** Runs every check; takes a few seconds because it asks podman in both modes. */
    public static Diagnosis diagnose() {
        return forThisMachine().run();
    }

    public Diagnosis run() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        checks.add(jupyter());
        checks.add(kernel());
        CommandResult version = host.run("podman", "--version");
        if (!version.ok()) {
            checks.add(Check.error(M.get("topic.podman"), M.get("podman.missing"),
                    "Debian/Ubuntu: " + DEBIAN_INSTALL + "  ·  Fedora: " + FEDORA_INSTALL));
            return new Diagnosis(checks);
        }
        checks.add(Check.ok(M.get("topic.podman"), M.get("podman.version", version.firstLine().replace("podman version ", ""))));
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

    private Check jupyter() {
        String topic = M.get("topic.jupyter");
        Path jupyter = Path.of("/usr/bin/jupyter");
        Optional<Path> found = Files.isExecutable(jupyter) ? Optional.of(jupyter) : host.which("jupyter");
        if (found.isEmpty()) {
            return Check.error(topic, M.get("jupyter.missing"),
                    "sudo apt install jupyter-notebook jupyter-nbconvert python3-nbclient  ·  sudo dnf install python3-notebook python3-nbconvert python3-nbclient");
        }
        String python = interpreterOf(found.get());
        CommandResult modules = host.run(python, "-c", "import notebook, nbconvert, nbclient");
        if (!modules.ok()) {
            return Check.error(topic, M.get("jupyter.modules", found.get(), python),
                    "sudo apt install jupyter-notebook jupyter-nbconvert python3-nbclient");
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

    private Optional<JsonNode> podmanInfo(boolean rootful) {
        CommandResult info = rootful && !root
                ? host.run("sudo", "-n", "podman", "info", "--format", "json")
                : host.run("podman", "info", "--format", "json");
        if (!info.ok()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(info.out()));
        } catch (IOException e) {
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
        boolean hybrid = Files.isDirectory(Path.of("/sys/fs/cgroup/unified"));
        if ("crun".equals(runtime) && hybrid) {
            return Check.error(topic, M.get("runtime.crun.hybrid"),
                    "/etc/containers/containers.conf.d/50-capas.conf: [engine] runtime = \"runc\"");
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
                : Check.error(topic, M.get("rlimits.missing"),
                        "/etc/containers/containers.conf.d/50-capas.conf: [containers] default_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]");
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
        Path tun = Path.of("/dev/net/tun");
        if (!Files.exists(tun)) {
            return Check.warn(topic, M.get("tun.missing"), "sudo modprobe tun");
        }
        return Files.isReadable(tun) && Files.isWritable(tun)
                ? Check.ok(topic, M.get("tun.ok"))
                : Check.warn(topic, M.get("tun.closed"), "sudo chmod 0666 /dev/net/tun");
    }

    private Check propagation() {
        String topic = M.get("topic.propagation");
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"))) {
            boolean shared = lines.map(l -> l.split(" ")).filter(f -> f.length > 6 && "/".equals(f[4]))
                    .reduce((a, b) -> b).map(f -> String.join(" ", f).contains(" shared:")).orElse(true);
            return shared ? Check.ok(topic, M.get("propagation.ok"))
                    : Check.warn(topic, M.get("propagation.private"), "sudo mount --make-rshared /");
        } catch (IOException | java.io.UncheckedIOException e) {
            return Check.ok(topic, M.get("propagation.ok"));
        }
    }

    private Check courseImage(String topic, boolean rootful, boolean storeReachable) {
        if (!storeReachable) {
            return Check.warn(topic, M.get("image.store.unreachable", image), "./lab");
        }
        CommandResult exists = rootful && !root
                ? host.run("sudo", "-n", "podman", "image", "exists", image)
                : host.run("podman", "image", "exists", image);
        return exists.ok()
                ? Check.ok(topic, M.get("image.present", image))
                : Check.warn(topic, M.get("image.missing", image), "./lab");
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
