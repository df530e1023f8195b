package capas.podman;

import capas.Labels;
import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.Posix;
import capas.store.Change;
import capas.store.ChangeKind;
import capas.Mode;
import capas.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The podman of one mode: {@code podman} for rootless, {@code sudo -n podman} for rootful (plain
 * {@code podman} when already root). Everything it creates carries the label {@value Labels#LAB},
 * so that the lab removes only what it made, and, when it works for a lesson, that lesson's
 * {@value Labels#LESSON}, so that one lesson can be reset alone.
 */
public final class Podman {
    /** A listing raced by removals is asked this many times at most. */
    private static final int LISTING_ATTEMPTS = 3;
    private static final Messages M = Messages.of(Podman.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each mode's store folder, asked of podman once per process. */
    private static final Map<Mode, Path> GRAPH_ROOTS = new ConcurrentHashMap<>();

    private final Mode mode;
    private final List<String> prefix;
    /** The lesson whose label goes on what this podman creates, or {@code null}. */
    private final String lesson;

    public Podman(Mode mode) {
        this(mode, null);
    }

    /** A podman that labels what it creates as lesson {@code lesson}'s ({@code 03}, {@code p4}…). */
    public Podman(Mode mode, String lesson) {
        this.mode = mode;
        this.prefix = mode == Mode.ROOTFUL && !Posix.isRoot() ? List.of("sudo", "-n", "podman") : List.of("podman");
        this.lesson = lesson;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Where this podman keeps its store, as {@code podman info} says: a storage.conf may have
     * moved it from the default (a bigger disk, a custom {@code graphroot}). The answer is
     * remembered across kernels until a storage.conf changes ({@link GraphRootCache}).
     */
    public Path graphRoot() {
        return GRAPH_ROOTS.computeIfAbsent(mode, m -> askGraphRoot());
    }

    private Path askGraphRoot() {
        Optional<Path> known = GraphRootCache.read(mode);
        if (known.isPresent()) {
            return known.get();
        }
        try {
            CommandResult result = command("info", "--format", "{{.Store.GraphRoot}}");
            if (result.ok() && result.out().strip().startsWith("/")) {
                Path root = Path.of(result.out().strip());
                GraphRootCache.write(mode, root);
                return root;
            }
        } catch (CapasException e) {
            // No podman, or sudo wants a password: the first real use says so in Spanish.
        }
        return Store.defaultGraphRoot(mode);
    }

    /**
     * Rootless podman's runtime folder (its socket, its pause process's pid), as podman itself
     * chose it: the parent of {@code podman/podman.sock} in {@code podman info}. Podman 4 falls
     * back to {@code $TMPDIR/podman-run-<uid>} and podman 5 to {@code $TMPDIR/storage-run-<uid>}
     * when there is no {@code /run/user/<uid>}; asking spares us knowing each version's rule.
     *
     * @return the folder, or empty when podman cannot answer
     */
    public Optional<Path> runtimeDir() {
        try {
            CommandResult result = command("info", "--format", "{{.Host.RemoteSocket.Path}}");
            Path socket = result.ok() && result.out().strip().startsWith("/") ? Path.of(result.out().strip()) : null;
            return socket == null || socket.getNameCount() < 3 ? Optional.empty() : Optional.of(socket.getParent().getParent());
        } catch (CapasException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code podman <args>} and returns what happened, whatever it was, unless podman could
     * not run at all (not installed, sudo wants a password, stopped): that is an error.
     */
    public CommandResult command(String... args) {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(Arrays.asList(args));
        CommandResult result = Commands.run(argv);
        CapasException cannotRun = PodmanError.ofStart(result, prefix.get(0).equals("sudo"));
        if (cannotRun != null) {
            throw cannotRun;
        }
        return result;
    }

    /**
     * A listing ({@code ps -a}, {@code images}): podman lists the objects and then reads each one,
     * so an object another process removes in between fails the whole listing with "image not
     * known" or "no such container". A listing changes nothing, so it is asked again, and the next
     * one no longer sees what was removed.
     */
    public CommandResult listing(String... args) {
        CommandResult result = command(args);
        for (int attempt = 1; attempt < LISTING_ATTEMPTS && vanishedWhileListing(result); attempt++) {
            result = command(args);
        }
        return result;
    }

    static boolean vanishedWhileListing(CommandResult result) {
        if (result.ok()) {
            return false;
        }
        CapasException.Kind kind = PodmanError.kindOf(result.err());
        return kind == CapasException.Kind.UNKNOWN_IMAGE || kind == CapasException.Kind.UNKNOWN_CONTAINER;
    }

    /** This podman as a student types it in a terminal: {@code sudo podman} for rootful, {@code podman} for rootless. */
    public String typed() {
        return prefix.get(0).equals("sudo") ? "sudo podman" : "podman";
    }

    /** Like {@link #command}, but a failure is a Spanish error of the right kind that quotes podman. */
    private CommandResult checked(String what, String... args) {
        CommandResult result = command(args);
        if (!result.ok()) {
            throw PodmanError.of(what, List.of(args), result);
        }
        return result;
    }

    /**
     * Starts a detached container from {@code image} (no network: the course works offline).
     * A lab container of the same name, left by an earlier run, is replaced.
     *
     * @return the new container's id
     */
    public String run(String name, String image, String... command) {
        return run(name, image, Map.of(), command);
    }

    /**
     * Like {@link #run(String, String, String...)}, with more labels: what a práctica must
     * remember lives in the store, so that a restarted kernel still knows it.
     */
    public String run(String name, String image, Map<String, String> labels, String... command) {
        removeIfLab(name);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name));
        args.addAll(labelOptions());
        labels.forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
        args.addAll(List.of("--network", "none", image));
        args.addAll(Arrays.asList(command));
        return checked(M.get("what.run", name), args.toArray(String[]::new)).out().strip();
    }

    /** Creates (without starting) a container from {@code image}, labelled as the lab's. */
    public String create(String name, String image, String... command) {
        removeIfLab(name);
        List<String> args = new ArrayList<>(List.of("create", "--name", name));
        args.addAll(labelOptions());
        args.addAll(List.of("--network", "none", image));
        args.addAll(Arrays.asList(command));
        return checked(M.get("what.create", name), args.toArray(String[]::new)).out().strip();
    }

    /** The {@code --label} options of what this podman creates. */
    private List<String> labelOptions() {
        List<String> labels = new ArrayList<>(List.of("--label", Labels.LAB + "=true"));
        if (lesson != null) {
            labels.addAll(List.of("--label", Labels.LESSON + "=" + lesson));
        }
        return labels;
    }

    /**
     * Builds image {@code tag} from {@code context} offline (no network, never pulls), labelled
     * as this lesson's image so that resetting the lesson removes it.
     *
     * @return the image id
     */
    public String build(String tag, Path context) {
        String label = Labels.IMAGE + "=" + (lesson == null ? "true" : lesson);
        return checked(M.get("what.build", tag), "build", "-q", "--pull=never", "--network", "none", "--label", label, "-t", tag,
                context.toString()).out().strip();
    }

    /** Runs a command in a running container; a non-zero exit is an error. */
    public CommandResult exec(String name, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", name));
        args.addAll(Arrays.asList(command));
        return checked(M.get("what.exec", name), args.toArray(String[]::new));
    }

    /** {@code podman inspect} of a container or image, as JSON. */
    public JsonNode inspect(String name) {
        CommandResult result = checked(M.get("what.inspect", name), "inspect", name);
        try {
            return JSON.readTree(result.out()).path(0);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("podman.unreadable", M.get("what.inspect", name)));
        }
    }

    /** {@code GraphDriver.Data} of a container: its overlay folders as podman reports them. */
    public GraphDriver inspectGraphDriver(String container) {
        JsonNode driver = inspect(container).path("GraphDriver");
        JsonNode data = driver.path("Data");
        String lower = data.path("LowerDir").asText("");
        return new GraphDriver(driver.path("Name").asText(), lower.isEmpty() ? List.of() : List.of(lower.split(":")),
                data.path("UpperDir").asText(null), data.path("WorkDir").asText(null), data.path("MergedDir").asText(null));
    }

    /** {@code podman diff}: the container's changes, as podman computes them. */
    public List<Change> diff(String container) {
        List<Change> changes = new ArrayList<>();
        for (String line : checked(M.get("what.diff", container), "diff", container).out().split("\n")) {
            if (line.length() > 2 && line.charAt(1) == ' ') {
                changes.add(new Change(ChangeKind.valueOf(line.substring(0, 1)), line.substring(2), null));
            }
        }
        return changes;
    }

    /** {@code podman ps --size} of one container. */
    public ContainerSize containerSize(String container) {
        String id = inspect(container).path("Id").asText();
        CommandResult result = checked(M.get("what.size", container), "ps", "-a", "--size", "--format", "json", "--filter", "id=" + id);
        try {
            JsonNode size = JSON.readTree(result.out()).path(0).path("Size");
            return new ContainerSize(size.path("rwSize").asLong(), size.path("rootFsSize").asLong());
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("podman.unreadable", M.get("what.size", container)));
        }
    }

    /** The labels of container {@code name}; empty when there is no such container. */
    public Map<String, String> labels(String name) {
        CommandResult result = command("container", "inspect", "--format", "{{json .Config.Labels}}", name);
        if (!result.ok()) {
            CapasException e = PodmanError.of(M.get("what.inspect", name), List.of("inspect", name), result);
            // Only a missing container has no labels: an ambiguous prefix is an error to show.
            if (e.kind() == CapasException.Kind.UNKNOWN_CONTAINER) {
                return Map.of();
            }
            throw e;
        }
        try {
            Map<String, String> labels = new TreeMap<>();
            JSON.readTree(result.out()).fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            return labels;
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("podman.unreadable", M.get("what.inspect", name)));
        }
    }

    /** Whether a container of that name exists and the lab created it. */
    public boolean isLabContainer(String name) {
        return "true".equals(labels(name).get(Labels.LAB));
    }

    /**
     * Removes container {@code name} if the lab created it (so notebooks can be run again);
     * leaves alone, and says so, a container of that name that someone else made.
     *
     * @return whether something was removed
     */
    public boolean removeIfLab(String name) {
        CommandResult exists = command("container", "exists", name);
        if (exists.exitCode() == 1) {
            return false;
        }
        if (!exists.ok()) {
            // 125: podman could not tell, e.g. a prefix of several ids; never guess "absent".
            throw PodmanError.of(M.get("what.inspect", name), List.of("container", "exists", name), exists);
        }
        if (!isLabContainer(name)) {
            throw new CapasException(CapasException.Kind.NAME_TAKEN, M.get("not.ours", name), M.get("not.ours.hint", name, typed()));
        }
        checked(M.get("what.rm", name), "rm", "-f", "-t", "0", name);
        return true;
    }

    /**
     * Removes an image. Refused by podman while a container uses it: then an
     * {@link capas.CapasException.Kind#IMAGE_IN_USE} error says why, quoting podman.
     *
     * <p>Refused here, before podman, when the image has other names too: {@code podman rmi
     * <name>} would then take that one name away and succeed, in use or not, and the course
     * image would lose its name because a student once tagged it as their own.
     */
    public void rmi(String image) {
        CommandResult tags = command("image", "inspect", "--format", "{{range .RepoTags}}{{println .}}{{end}}", image);
        List<String> names = tags.ok() ? tags.out().lines().map(String::strip).filter(n -> !n.isEmpty()).toList() : List.of();
        if (names.size() > 1) {
            List<String> others = names.stream().filter(n -> !n.equals(image) && !n.equals("localhost/" + image)).toList();
            throw new CapasException(CapasException.Kind.IMAGE_HAS_OTHER_NAMES, M.get("rmi.other.names", image, String.join(", ", others)),
                    M.get("rmi.other.names.hint", typed(), String.join(" ", others), image));
        }
        checked(M.get("what.rmi", image), "rmi", image);
    }

    /** Runs a command inside podman's user and mount namespace ({@code podman unshare}; rootless only). */
    public CommandResult unshare(String... command) {
        List<String> args = new ArrayList<>(List.of("unshare"));
        args.addAll(Arrays.asList(command));
        return command(args.toArray(String[]::new));
    }

    /**
     * The images an image was built on, from its parent up: the unnamed intermediate images a
     * {@code podman build} leaves, walked through {@code .Parent} and stopped at the first image
     * with a name (the {@code FROM} image) or without a parent. Podman 5 (Buildah 1.39) labels
     * only the final image of a build, so the chain, not a label, says which ones are its own.
     *
     * @return image ids without {@code sha256:}, nearest first; empty for a pulled image
     */
    public List<String> unnamedParents(String image) {
        List<String> chain = new ArrayList<>();
        String id = imageField(image, "{{.Parent}}");
        // A bound, not a count of build steps: a cycle cannot happen, a broken store should not hang a cell.
        while (!id.isEmpty() && chain.size() < 100) {
            if (!imageField(id, "{{len .RepoTags}}").equals("0")) {
                break;
            }
            chain.add(id.replace("sha256:", ""));
            id = imageField(id, "{{.Parent}}");
        }
        return chain;
    }

    /** A field of {@code podman image inspect}, or {@code ""} when there is no such image. */
    private String imageField(String image, String format) {
        CommandResult result = command("image", "inspect", "--format", format, image);
        return result.ok() ? result.out().strip() : "";
    }

    /**
     * Removes image {@code image} that this podman's lesson built (labelled {@value Labels#LESSON}
     * with it), and the unnamed intermediate images of its build; nothing else. A student's image
     * of that name, or one built on it, is not touched.
     *
     * @return the ids removed besides {@code image}'s own name (the intermediate images); empty when there was nothing
     * @throws CapasException {@link CapasException.Kind#NAME_TAKEN} when an image of that name is not this lesson's
     */
    public List<String> removeLessonBuild(String image) {
        if (command("image", "exists", image).exitCode() != 0) {
            return List.of();
        }
        String label = imageField(image, "{{index .Labels \"" + Labels.LESSON + "\"}}");
        if (lesson == null || !lesson.equals(label)) {
            throw new CapasException(CapasException.Kind.NAME_TAKEN, M.get("image.not.ours", image), M.get("image.not.ours.hint", image, typed()));
        }
        List<String> parents = unnamedParents(image);
        rmi(image);
        List<String> removed = new ArrayList<>();
        for (String id : parents) {
            // Usually gone already (rmi removes the dangling parents); one a container still uses stays.
            if (command("image", "exists", id).exitCode() == 0 && command("rmi", id).ok()) {
                removed.add(id);
            }
        }
        return removed;
    }
}
