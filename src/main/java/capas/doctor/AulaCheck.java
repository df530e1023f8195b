package capas.doctor;

import capas.Messages;
import capas.os.CommandResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Inside a student's container of the classroom server ({@code ./lab aula}): says so, and what
 * that changes for the lessons. Nothing here is a fault, so every line is OK: the student reads
 * why {@code sudo} is not the server's root, whose store {@code sudo podman} uses, why
 * {@code podman stats} shows nothing, and which limits hold.
 */
final class AulaCheck {
    private static final Messages M = Messages.of(AulaCheck.class);
    /** Set to {@code 1} by the classroom's start script for the notebook server, its kernels and terminals. */
    static final String VARIABLE = capas.Env.AULA;
    /** The start script's folder, only in the student image. */
    static final Path MARK = Path.of("/opt/capas-aula");
    static final Path UID_MAP = Path.of("/proc/self/uid_map");
    static final Path HOSTNAME = Path.of("/proc/sys/kernel/hostname");
    /** The student's disk, mounted there whoever runs the doctor (alumno, or root through sudo). */
    static final Path HOME = Path.of("/home/alumno");
    /** The container's memory limit: cgroups v1, then v2. */
    static final List<Path> MEMORY_LIMITS = List.of(Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
            Path.of("/sys/fs/cgroup/memory.max"));
    /** cgroups v1 writes "no limit" as the largest page-aligned long; anything this big is none. */
    private static final long UNLIMITED = 1L << 60;
    private static final double GIB = 1024.0 * 1024 * 1024;
    private final Host host;

    AulaCheck(Host host) {
        this.host = host;
    }

    /** Whether this runs in a student's classroom container: its variable, or the image's own folder. */
    boolean inClassroom() {
        return host.env(VARIABLE).map("1"::equals).orElse(false) || host.isDirectory(MARK);
    }

    /** What the classroom container changes, line by line; none outside one. */
    List<Check> run() {
        if (!inClassroom()) {
            return List.of();
        }
        return List.of(container(), sudo(), Check.ok(M.get("topic.aula.store"), M.get("aula.store")),
                Check.ok(M.get("topic.aula.inner"), M.get("aula.inner")), limits());
    }

    private Check container() {
        Optional<String> name = host.read(HOSTNAME).map(String::strip).filter(n -> !n.isEmpty());
        return Check.ok(M.get("topic.aula"), name.map(n -> M.get("aula.container", n)).orElseGet(() -> M.get("aula.container.unnamed")));
    }

    private Check sudo() {
        Optional<String[]> map = host.read(UID_MAP).flatMap(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst())
                .map(l -> l.split("\\s+")).filter(f -> f.length == 3);
        String topic = M.get("topic.aula.sudo");
        return map.map(f -> Check.ok(topic, M.get("aula.sudo", String.join(" ", f), f[1])))
                .orElseGet(() -> Check.ok(topic, M.get("aula.sudo.unread")));
    }

    private Check limits() {
        String disk = disk().map(d -> M.get("aula.disk", d[0] / GIB, d[1] / GIB, HOME.toString()))
                .orElseGet(() -> M.get("aula.disk.unknown", HOME.toString()));
        OptionalLong memory = memory();
        String mem = memory.isPresent() ? M.get("aula.memory", memory.getAsLong() / GIB) : M.get("aula.memory.unknown");
        return Check.ok(M.get("topic.aula.limits"), disk + " " + mem);
    }

    /** Size and free bytes of the student's disk, from {@code df}. */
    private Optional<long[]> disk() {
        CommandResult df = host.run("df", "-B1", "--output=size,avail", HOME.toString());
        if (!df.ok()) {
            return Optional.empty();
        }
        return df.out().lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).findFirst().map(l -> l.split("\\s+"))
                .filter(f -> f.length == 2 && f[0].chars().allMatch(Character::isDigit) && f[1].chars().allMatch(Character::isDigit))
                .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
    }

    /** The container's memory limit in bytes, when one is set and readable. */
    private OptionalLong memory() {
        for (Path file : MEMORY_LIMITS) {
            Optional<String> text = host.read(file).map(String::strip);
            if (text.isPresent() && text.get().chars().allMatch(Character::isDigit) && !text.get().isEmpty()) {
                long bytes = Long.parseLong(text.get());
                return bytes < UNLIMITED ? OptionalLong.of(bytes) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
