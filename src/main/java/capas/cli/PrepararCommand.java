package capas.cli;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.doctor.Check;
import capas.doctor.Doctor;
import capas.doctor.Status;
import capas.kernel.Kernelspec;
import capas.os.CommandResult;
import capas.podman.Podman;
import capas.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code preparar}: what {@code ./lab} does after building the jar and before opening Jupyter
 * or running the tests. Each step says what it found; a second run changes nothing.
 */
final class PrepararCommand {
    private static final Messages M = Messages.of(PrepararCommand.class);

    private PrepararCommand() {
    }

    static int run(String[] args) {
        requirements();
        rootlessStorage();
        kernel();
        courseImage();
        return 0;
    }

    private static void requirements() {
        Console.step(M.get("preparar.requirements"));
        List<Check> checks = Doctor.forThisMachine().requirements();
        for (Check check : checks) {
            if (check.status() == Status.ERROR) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, check.detail(),
                        check.fix() + "\n  " + M.get("preparar.requirements.then"));
            }
        }
        checks.forEach(c -> Console.done(c.detail()));
    }

    private static void rootlessStorage() {
        Console.step(M.get("preparar.storage"));
        Path conf = Env.rootlessStorageConf();
        Path store = Store.defaultGraphRoot(Mode.ROOTLESS);
        RootlessStorage decision = RootlessStorage.beforePodman(read(conf), Files.isDirectory(store));
        Podman podman = new Podman(Mode.ROOTLESS);
        String driver = "?";
        int images = 0;
        int containers = 0;
        int volumes = 0;
        if (decision == null) {
            CommandResult info = podman.command("info", "--format", "{{.Store.GraphDriverName}}");
            driver = info.ok() ? info.out().strip() : "?";
            images = count(podman.command("images", "-aq"));
            containers = count(podman.command("ps", "-aq"));
            volumes = count(podman.command("volume", "ls", "-q"));
            decision = RootlessStorage.forStore(driver, images, containers, volumes);
        }
        switch (decision) {
            case OURS -> Console.done(M.get("storage.ours", conf));
            case THEIRS -> Console.done(M.get("storage.theirs", conf));
            case ALREADY_OVERLAY -> Console.done(M.get("storage.overlay"));
            case WRITE_NEW -> {
                write(conf);
                Console.done(M.get("storage.new", conf));
            }
            case SWITCH_EMPTY -> {
                write(conf);
                // Empty by the counts just taken (images, containers, volumes): the reset only makes podman forget the old driver.
                podman.command("system", "reset", "-f");
                Console.done(M.get("storage.switched"));
            }
            case LEAVE -> {
                Console.warn(M.get("storage.leave", driver, images, containers, volumes));
                Console.warn(M.get("storage.leave.why"));
                Console.warn(M.get("storage.leave.how", conf));
            }
        }
        if (decision == RootlessStorage.OURS || decision == RootlessStorage.WRITE_NEW || decision == RootlessStorage.SWITCH_EMPTY) {
            writeFolders(conf, podman);
        }
    }

    private static int count(CommandResult listing) {
        return listing.ok() ? (int) listing.out().lines().filter(l -> !l.isBlank()).count() : 0;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the store's folders, as podman reports them now, into Capas's storage.conf (see {@link RootlessStorage#content}). */
    private static void writeFolders(Path conf, Podman podman) {
        String ours = read(conf);
        if (ours == null || !RootlessStorage.lacksFolders(ours)) {
            return;
        }
        CommandResult info = podman.command("info", "--format", "{{.Store.RunRoot}}\n{{.Store.GraphRoot}}");
        List<String> folders = info.ok() ? info.out().strip().lines().toList() : List.of();
        if (folders.size() != 2) {
            Console.warn(M.get("storage.folders.unknown", info.firstLine()));
            return;
        }
        try {
            Files.writeString(conf, RootlessStorage.content(folders.get(0).strip(), folders.get(1).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path conf) {
        try {
            Files.createDirectories(conf.getParent());
            Files.writeString(conf, RootlessStorage.CONTENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kernel() {
        Console.step(M.get("preparar.kernel"));
        Path kernels = Env.kernelsDir();
        try {
            Console.done(M.get("kernel.installed", Kernelspec.install(kernels)));
        } catch (UncheckedIOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("kernel.failed", kernels, e.getCause().getMessage()));
        }
    }

    private static void courseImage() {
        Console.step(M.get("preparar.image"));
        String image = Env.image();
        CourseImage course = new CourseImage(Checkout.curso(), image);
        if (!course.local()) {
            Console.done(M.get("image.remote", Env.IMAGE, image));
            return;
        }
        String recipe = course.recipeHash();
        for (Mode mode : List.of(Mode.ROOTLESS, Mode.ROOTFUL)) {
            Podman podman = new Podman(mode);
            try {
                Console.done(M.get(course.ensure(podman, recipe) ? "image.built" : "image.present", Stores.where(podman), image));
            } catch (CapasException e) {
                if (mode == Mode.ROOTLESS || !Stores.noSudo(e)) {
                    throw e;
                }
                Console.warn(M.get("image.no.sudo"));
                Console.warn(M.get("image.no.sudo.how"));
            }
        }
    }
}
