package capas.aula.servidor;

import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One student's disk on the classroom server: an ext4 image file ({@code discos/<nombre>.img}),
 * loop-mounted at {@code alumnos/<nombre>} with {@code nodev,nosuid}. It holds the two folders the
 * spawner binds into the student's container, {@code home} (notebooks, record of progress and the
 * rootless store) and {@code contenedores} (the rootful store), and the podman store of the
 * student's container itself ({@code podman}, {@code run}): the server's image store lends the
 * student image read-only, and whatever the container writes, even on a root file system its own
 * root has remounted writable, lands here. A file system of its own is what makes a full disk stop
 * that student only: the host's disk and the others' never fill.
 *
 * <p>Files there belong to the student's uid range ({@link #uidBase}): root inside is
 * {@code base}, alumno {@code base + 1000}. The range is fixed by the account's index, so a disk
 * keeps its owners across starts; ranges never overlap.
 */
public final class StudentDisk {
    private static final Messages M = Messages.of(StudentDisk.class);
    /** Ids per student: root and alumno (1000) inside, and alumno's subordinate 100000–165535. */
    public static final long IDS = 231_072;
    public static final int ALUMNO = 1000;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private final Path stateDir;
    private final String name;
    private final long uidBase;
    private final Path imageStore;

    /**
     * @param imageStore the server's rootful store, where the student image is: lent read-only
     *                   to the student's own podman store
     */
    public StudentDisk(Path stateDir, String name, long firstUid, int index, Path imageStore) {
        if (!NAME.matcher(name).matches()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("disk.name", name));
        }
        this.stateDir = stateDir;
        this.name = name;
        this.uidBase = firstUid + index * IDS;
        this.imageStore = imageStore;
    }

    public String container() {
        return "capas-aula-" + name;
    }

    /**
     * The podman of the student's container: its store on this disk, the student image from the
     * server's store. Every podman command about the student's container goes through it.
     */
    public List<String> podman() {
        return List.of("podman", "--root", mountPoint().resolve("podman").toString(), "--runroot", mountPoint().resolve("run").toString(),
                "--storage-opt", "additionalimagestore=" + imageStore);
    }

    public long uidBase() {
        return uidBase;
    }

    public Path image() {
        return stateDir.resolve("discos").resolve(name + ".img");
    }

    public Path mountPoint() {
        return stateDir.resolve("alumnos").resolve(name);
    }

    /** The student's home as root sees it on the host (a tree the student controls: never follow its links). */
    public Path home() {
        return mountPoint().resolve("home");
    }

    public Path rootfulStore() {
        return mountPoint().resolve("contenedores");
    }

    public boolean exists() {
        return Files.isRegularFile(image());
    }

    public boolean mounted() {
        return Commands.run(List.of("mountpoint", "-q", mountPoint().toString()), Map.of(), 30).ok();
    }

    /** Mounts the disk if it exists and is not mounted; whether it is mounted now. */
    public boolean mountIfExists() {
        if (mounted()) {
            return true;
        }
        if (!exists()) {
            return false;
        }
        mount();
        return true;
    }

    /**
     * Mounts the disk: once per boot of the server, so the podman run folder (which a tmpfs
     * would hold) starts empty, as podman expects after a boot.
     */
    private void mount() {
        run("mount", "-o", "loop,nodev,nosuid", image().toString(), mountPoint().toString());
        run("rm", "-rf", mountPoint().resolve("run").toString());
    }

    /** Makes the disk if it is new ({@code size} as in 8G), and mounts it if it is not. */
    public void ensure(String size) {
        try {
            Files.createDirectories(image().getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectories(mountPoint());
            if (!mounted()) {
                make(size);
            }
            folder(home(), uidBase + ALUMNO);
            folder(rootfulStore(), uidBase);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the disk's file system if the image is new, and mounts it. */
    private void make(String size) throws IOException {
        if (!exists()) {
            // Made aside and moved in whole: an image whose mkfs failed must not pass for a disk next time.
            Path fresh = image().resolveSibling(image().getFileName() + ".nuevo");
            try (RandomAccessFile file = new RandomAccessFile(fresh.toFile(), "rw")) {
                file.setLength(bytes(size));
            }
            Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-------"));
            try {
                run("mkfs.ext4", "-q", "-F", "-m", "0", "-E", "root_owner=" + uidBase + ":" + uidBase, fresh.toString());
            } catch (CapasException e) {
                Files.deleteIfExists(fresh);
                throw e;
            }
            Files.move(fresh, image(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        mount();
    }

    private static void folder(Path dir, long owner) throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir);
            run("chown", owner + ":" + owner, dir.toString());
        }
    }

    /**
     * Removes the disk, first keeping the student's home (without the rootless store, which is
     * made again) as {@code copias/<nombre>-<fecha>.tar.gz}; returns the copy.
     */
    public Path remove() {
        try {
            Path copies = stateDir.resolve("copias");
            Files.createDirectories(copies);
            Path copy = copies.resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".tar.gz");
            if (!mounted() && exists()) {
                run("mount", "-o", "loop,nodev,nosuid,ro", image().toString(), mountPoint().toString());
            }
            if (mounted() && Files.isDirectory(home())) {
                run("tar", "-C", home().toString(), "--exclude=./.local/share/containers", "-czf", copy.toString(), ".");
            }
            if (mounted()) {
                // podman leaves its store's folders mounted over themselves: everything below goes too.
                run("umount", "-R", mountPoint().toString());
            }
            Files.deleteIfExists(image());
            Files.deleteIfExists(mountPoint());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long bytes(String size) {
        String s = size.strip().toLowerCase();
        char unit = s.charAt(s.length() - 1);
        long factor = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        String number = factor == 1 ? s : s.substring(0, s.length() - 1);
        return (long) (Double.parseDouble(number) * factor);
    }

    private static void run(String... argv) {
        CommandResult result = Commands.run(List.of(argv), Map.of(), 300);
        if (!result.ok()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("disk.failed", argv[0], result.firstLine()));
        }
    }
}
