package capas.doctor;

import capas.CapasException;
import capas.Env;
import capas.Mode;
import capas.os.CommandResult;
import capas.os.Identity;
import capas.podman.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** The {@link Host} this process runs on. */
final class MachineHost implements Host {
    private final HostCommand commands;
    private final Identity identity;

    /** @param path the PATH commands are looked up on (a test's may lack podman) */
    MachineHost(String path) {
        this.commands = new HostCommand(path);
        this.identity = Identity.current();
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(Env.get(name, null));
    }

    @Override
    public Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isExecutable(Path path) {
        return Files.isExecutable(path);
    }

    @Override
    public List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    @Override
    public boolean readableAndWritable(Path path) {
        return Files.isReadable(path) && Files.isWritable(path);
    }

    @Override
    public OptionalInt mode(Path path) {
        try {
            return OptionalInt.of((Integer) Files.getAttribute(path, "unix:mode") & 07777);
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public Optional<Path> which(String name) {
        return commands.which(name);
    }

    @Override
    public CommandResult run(String... argv) {
        return commands.run(argv);
    }

    @Override
    public CommandResult podman(Mode mode, String... args) {
        try {
            return new Podman(mode).command(args);
        } catch (CapasException e) {
            // sudo wants a password, or podman cannot start: the check that asked says what that means.
            return new CommandResult(1, "", e.getMessage());
        }
    }
}
