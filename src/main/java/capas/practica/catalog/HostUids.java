package capas.practica.catalog;

import capas.lab.Capas;
import capas.lab.FileOwner;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;

import capas.Messages;
import capas.store.IdMap;
import capas.store.Location;
import capas.Mode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Práctica 3, "¿De quién es el fichero? (rootless)": root and uid 1000 of a rootless container
 * each write a file; the student gives the uid that owns each one on the host, and the uid that
 * {@code podman unshare} shows. The checks read the owner from the real layer and the map from
 * the real user namespace, so they hold for any /etc/subuid.
 */
public final class HostUids implements PracticaDefinition {
    static final String ID = "p3-uids-rootless";
    static final String CONTAINER = "capas-p3";
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
}
