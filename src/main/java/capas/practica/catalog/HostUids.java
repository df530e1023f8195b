package capas.practica.catalog;

import capas.lab.Capas;
import capas.lab.FileOwner;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;

import capas.CapasException;
import capas.Messages;
import capas.lab.PauseProcess;
import capas.store.Container;
import capas.store.IdMap;
import capas.store.Location;
import capas.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * Práctica 6, "¿De quién es el fichero? (rootless)": root and uid 1000 of a rootless container
 * each write a file; the student gives the uid that owns each one on the host, and the uid that
 * {@code podman unshare} shows; then the pid of podman's pause process, and whether the
 * container's overlay is in the host's mount table or only in the pause process's mount
 * namespace. The checks read the owner from the real layer, the map from the real user
 * namespace and the mounts from both real tables, so they hold for any /etc/subuid.
 */
public final class HostUids implements PracticaDefinition {
    static final String ID = "p6-uids-rootless";
    static final String CONTAINER = "capas-p6";
    static final String ROOT_FILE = "/tmp/de-root.txt";
    static final String USER_FILE = "/tmp/de-1000.txt";
    static final long USER = 1000;
    private static final Messages M = Messages.forClass(HostUids.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTLESS;
    }

    @Override
    public String prepare(Capas lab) {
        return PracticaDefinition.runFromCourseImage(lab, CONTAINER);
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, answer -> written(lab));
        tasks.put(2, answer -> hostUid(2, answer, lab.ids().owner(CONTAINER, ROOT_FILE), lab.ids().uidMap()));
        tasks.put(3, answer -> hostUid(3, answer, lab.ids().owner(CONTAINER, USER_FILE), lab.ids().uidMap()));
        tasks.put(4, answer -> unshareUid(answer, lab.ids().owner(CONTAINER, USER_FILE)));
        tasks.put(5, answer -> pausePid(lab, answer));
        tasks.put(6, answer -> overlayPlace(lab, answer));
        return tasks;
    }

    private static Verdict written(Capas lab) {
        for (String file : new String[] {ROOT_FILE, USER_FILE}) {
            Location where = lab.layers().locate(CONTAINER, file);
            if (where.state() != Location.State.PRESENT) {
                return Verdict.wrong(1, M.get("written.missing", file));
            }
        }
        long rootOwner = lab.ids().owner(CONTAINER, ROOT_FILE).containerUid();
        long userOwner = lab.ids().owner(CONTAINER, USER_FILE).containerUid();
        if (rootOwner != 0) {
            return Verdict.wrong(1, M.get("written.owner", ROOT_FILE, "0 (root)", String.valueOf(rootOwner)));
        }
        if (userOwner != USER) {
            return Verdict.wrong(1, M.get("written.owner", USER_FILE, String.valueOf(USER), String.valueOf(userOwner)));
        }
        return Verdict.right(1, M.get("written.ok"));
    }

    /**
     * Judges a host uid given for a file, naming the usual confusions: the uid inside the
     * container, a subordinate uid taken for root, the student's own uid or the first
     * subordinate uid taken for another uid, and being one off in the subuid range.
     */
    static Verdict hostUid(int task, Object answer, FileOwner owner, IdMap map) {
        OptionalLong given = number(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(task, M.get("uid.nan"));
        }
        long g = given.getAsLong();
        long real = owner.hostUid();
        long inside = owner.containerUid();
        String detail = M.get("uid.detail", owner.path(), String.valueOf(real), String.valueOf(inside));
        if (g == real) {
            return Verdict.right(task, inside == 0 ? M.get("uid.ok.root", String.valueOf(real)) : M.get("uid.ok.sub"), detail);
        }
        long firstSub = map.toHost(1);
        if (g == inside) {
            return Verdict.wrong(task, M.get("uid.inside", String.valueOf(g)));
        }
        if (inside == 0 && g == firstSub) {
            return Verdict.wrong(task, M.get("uid.first.sub", String.valueOf(g)));
        }
        if (inside == 0 && map.toContainer(g) > 0) {
            return Verdict.wrong(task, M.get("uid.root.in.range", String.valueOf(g)));
        }
        if (inside > 0 && g == map.toHost(0)) {
            return Verdict.wrong(task, M.get("uid.own", String.valueOf(g), String.valueOf(inside)));
        }
        if (inside > 1 && g == firstSub) {
            return Verdict.wrong(task, M.get("uid.first.sub.user", String.valueOf(g), String.valueOf(inside)));
        }
        if (inside > 0 && Math.abs(g - real) == 1) {
            return Verdict.wrong(task, M.get(g > real ? "uid.one.over" : "uid.one.under", String.valueOf(firstSub), String.valueOf(inside)));
        }
        return Verdict.wrong(task, M.get("uid.wrong"));
    }

    /** Inside {@code podman unshare} the user namespace maps the ids back: the uid seen is the container's. */
    static Verdict unshareUid(Object answer, FileOwner owner) {
        OptionalLong given = number(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(4, M.get("uid.nan"));
        }
        if (given.getAsLong() == owner.containerUid()) {
            return Verdict.right(4, M.get("unshare.ok", String.valueOf(owner.containerUid())));
        }
        if (given.getAsLong() == owner.hostUid()) {
            return Verdict.wrong(4, M.get("unshare.host"));
        }
        if (given.getAsLong() == 0) {
            return Verdict.wrong(4, M.get("unshare.root"));
        }
        return Verdict.wrong(4, M.get("unshare.wrong"));
    }

    /** A uid as the student may write it: a number, or its text ("1001", " 1001\n"). */
    static OptionalLong number(Object answer) {
        if (answer instanceof Number n) {
            // A uid is a whole number from 0 up: 1001.5 or -1 are not uids, whatever they round to.
            return n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue()) && !(n instanceof Double d && d.isInfinite())
                    ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
        }
        if (answer != null && answer.toString().strip().matches("\\d{1,10}")) {
            return OptionalLong.of(Long.parseLong(answer.toString().strip()));
        }
        return OptionalLong.empty();
    }

    /**
     * The pids a student may take for the pause process's, each with its own direction.
     *
     * @param pause     the pause process, as podman knows it ({@code pause.pid})
     * @param container the container's first process, or -1 when it is not running
     * @param conmon    the container's conmon, or -1
     * @param kernel    this notebook's kernel
     * @param alive     whether a pid is a process of this machine
     */
    record Pids(long pause, long container, long conmon, long kernel, LongPredicate alive) {
    }

    private static Verdict pausePid(Capas lab, Object answer) {
        PauseProcess pause = lab.processes().pause();
        long container = -1;
        long conmon = -1;
        try {
            container = lab.processes().pid(CONTAINER);
            conmon = lab.podman().inspect(CONTAINER).path("State").path("ConmonPid").asLong(-1);
        } catch (CapasException e) {
            // Not running, or gone: those two are then no answer anybody can give.
        }
        Verdict v = judgePid(answer, new Pids(pause.pid(), container, conmon, ProcessHandle.current().pid(),
                pid -> Files.isDirectory(Path.of("/proc", String.valueOf(pid)))));
        return v.correct() ? new Verdict(5, true, v.message(), List.of(M.get("pid.file", pause.pidFile(), String.valueOf(pause.pid())))) : v;
    }

    /** Task 5: the pause process's pid. */
    static Verdict judgePid(Object answer, Pids pids) {
        OptionalLong given = number(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(5, M.get("pid.nan"));
        }
        long g = given.getAsLong();
        if (g == pids.pause()) {
            return Verdict.right(5, M.get("pid.ok", String.valueOf(g)));
        }
        if (g == pids.container()) {
            return Verdict.wrong(5, M.get("pid.container"));
        }
        if (g == pids.conmon()) {
            return Verdict.wrong(5, M.get("pid.conmon"));
        }
        if (g == pids.kernel()) {
            return Verdict.wrong(5, M.get("pid.kernel"));
        }
        if (g == 1) {
            return Verdict.wrong(5, M.get("pid.one"));
        }
        return Verdict.wrong(5, M.get(pids.alive().test(g) ? "pid.other" : "pid.none"));
    }

    /** Where a mount can be seen: what the student answers in task 6, and what the tables say. */
    enum Place {
        /** Only in the pause process's mount namespace (where {@code podman unshare} enters). */
        PAUSE,
        /** In the host's mount table. */
        HOST,
        /** In both tables. */
        BOTH,
        /** Inside the container (its own root). */
        CONTAINER
    }

    private static Verdict overlayPlace(Capas lab, Object answer) {
        Optional<Container> c = lab.store().findContainer(CONTAINER);
        if (c.isEmpty()) {
            return Verdict.wrong(6, M.get("place.gone"));
        }
        String merged = lab.store().mergedDir(c.get().layer()).toString();
        boolean inPause = lab.mounts().namespace().stream().anyMatch(m -> m.mountPoint().equals(merged));
        boolean onHost = lab.mounts().host().stream().anyMatch(m -> m.mountPoint().equals(merged));
        if (!inPause && !onHost) {
            return Verdict.wrong(6, M.get("place.not.mounted"));
        }
        return judgePlace(answer, merged, inPause, onHost);
    }

    /** Task 6: where the container's overlay is mounted, as the two tables say. */
    static Verdict judgePlace(Object answer, String merged, boolean inPause, boolean onHost) {
        Optional<Place> given = place(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(6, M.get("place.format"));
        }
        Place right = onHost ? (inPause ? Place.BOTH : Place.HOST) : Place.PAUSE;
        String[] details = {M.get("place.detail", merged),
            M.get("place.detail.host", M.get(onHost ? "place.yes" : "place.no")),
            M.get("place.detail.pause", M.get(inPause ? "place.yes" : "place.no"))};
        if (given.get() == right) {
            return Verdict.right(6, M.get(right == Place.PAUSE ? "place.ok" : "place.ok.other"), details);
        }
        if (right == Place.PAUSE) {
            return Verdict.wrong(6, M.get(switch (given.get()) {
                case HOST -> "place.host";
                case BOTH -> "place.both";
                default -> "place.container";
            }));
        }
        return Verdict.wrong(6, M.get("place.wrong"));
    }

    /** The place a student's words name: "pausa", "anfitrión", "los dos", "contenedor"… */
    static Optional<Place> place(Object answer) {
        String text = Normalizer.normalize(answer == null ? "" : answer.toString(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
        boolean pause = text.contains("pausa") || text.contains("pause") || text.contains("unshare");
        boolean host = text.contains("anfitrion") || text.contains("host");
        if (text.matches(".*\\b(los dos|las dos|ambos|ambas)\\b.*")) {
            return Optional.of(Place.BOTH);
        }
        if (pause && host) {
            // "en la pausa, no en el anfitrión": one word is the answer, so a sentence is no answer to guess at.
            return Optional.empty();
        }
        if (pause) {
            return Optional.of(Place.PAUSE);
        }
        if (host) {
            return Optional.of(Place.HOST);
        }
        return text.contains("contenedor") ? Optional.of(Place.CONTAINER) : Optional.empty();
    }
}
