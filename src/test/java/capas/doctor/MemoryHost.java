package capas.doctor;

import capas.Mode;
import capas.os.CommandResult;
import capas.os.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A machine written down as data, for the checks' tests: the files it has, the commands on its
 * PATH and what they answer, who we are. Whatever is not written down does not exist, and a
 * command nobody answered fails as a missing program does.
 */
final class MemoryHost implements Host {
    private static final CommandResult NOT_FOUND = new CommandResult(127, "", "not found");
    private Identity identity = new Identity(1001, "alumno", Path.of("/home/alumno"), false);
    private final Map<Path, String> files = new HashMap<>();
    private final Set<Path> dirs = new HashSet<>();
    private final Map<Path, Integer> modes = new HashMap<>();
    private final Set<Path> openable = new HashSet<>();
    private final Map<String, Path> path = new HashMap<>();
    private final Map<String, CommandResult> answers = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    MemoryHost as(Identity who) {
        identity = who;
        return this;
    }

    MemoryHost asRoot() {
        return as(new Identity(0, "root", Path.of("/root"), true));
    }

    /** The environment variable {@code name} set to {@code value} in this process. */
    MemoryHost env(String name, String value) {
        env.put(name, value);
        return this;
    }

    MemoryHost file(String file, String text) {
        files.put(Path.of(file), text);
        for (Path p = Path.of(file).getParent(); p != null; p = p.getParent()) {
            dirs.add(p);
        }
        return this;
    }

    MemoryHost dir(String dir) {
        dirs.add(Path.of(dir));
        return this;
    }

    /** A device or file with these permission bits, that this user may (or may not) open. */
    MemoryHost device(String device, int mode, boolean canOpen) {
        file(device, "");
        modes.put(Path.of(device), mode);
        if (canOpen) {
            openable.add(Path.of(device));
        }
        return this;
    }

    /** {@code name} installed in /usr/bin. */
    MemoryHost installed(String name) {
        path.put(name, Path.of("/usr/bin", name));
        files.putIfAbsent(Path.of("/usr/bin", name), "");
        return this;
    }

    /** {@code name} installed at {@code where}, which comes first on the PATH. */
    MemoryHost onPath(String name, String where) {
        path.put(name, Path.of(where));
        files.putIfAbsent(Path.of(where), "");
        return this;
    }

    /** What {@code commandLine} (words joined by spaces) answers; its program is installed. */
    MemoryHost answers(String commandLine, int exitCode, String out) {
        String program = commandLine.split(" ")[0];
        if (!program.startsWith("/")) {
            installed(program);
        }
        answers.put(commandLine, new CommandResult(exitCode, out, exitCode == 0 ? "" : out));
        return this;
    }

    /** What podman in {@code mode} answers to {@code args} (words joined by spaces). */
    MemoryHost podmanAnswers(Mode mode, String args, int exitCode, String out) {
        answers.put(mode + " podman " + args, new CommandResult(exitCode, out, exitCode == 0 ? "" : out));
        return this;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    @Override
    public Optional<String> read(Path file) {
        return Optional.ofNullable(files.get(file));
    }

    @Override
    public boolean exists(Path p) {
        return files.containsKey(p) || dirs.contains(p);
    }

    @Override
    public boolean isDirectory(Path p) {
        return dirs.contains(p);
    }

    @Override
    public boolean isRegularFile(Path p) {
        return files.containsKey(p);
    }

    @Override
    public boolean isExecutable(Path p) {
        return path.containsValue(p);
    }

    @Override
    public List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        files.keySet().stream().filter(f -> dir.equals(f.getParent())).forEach(entries::add);
        dirs.stream().filter(d -> dir.equals(d.getParent())).forEach(entries::add);
        return entries.stream().sorted().toList();
    }

    @Override
    public boolean readableAndWritable(Path p) {
        return openable.contains(p);
    }

    @Override
    public OptionalInt mode(Path p) {
        return modes.containsKey(p) ? OptionalInt.of(modes.get(p)) : OptionalInt.empty();
    }

    @Override
    public Optional<Path> which(String name) {
        return Optional.ofNullable(path.get(name));
    }

    @Override
    public CommandResult run(String... argv) {
        if (!argv[0].startsWith("/") && !path.containsKey(argv[0])) {
            return NOT_FOUND;
        }
        return answers.getOrDefault(String.join(" ", argv), new CommandResult(1, "", "no answer written down"));
    }

    @Override
    public CommandResult podman(Mode mode, String... args) {
        return answers.getOrDefault(mode + " podman " + String.join(" ", args), new CommandResult(125, "", "no answer written down"));
    }
}
