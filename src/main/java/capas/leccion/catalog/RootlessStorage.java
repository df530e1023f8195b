package capas.leccion.catalog;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.context.DirEntry;
import capas.context.MountPoint;
import capas.lab.Capas;
import capas.lab.FileOwner;
import capas.lab.Namespaces;
import capas.lab.ProcessNamespaces;
import capas.lab.SubIdRange;
import capas.leccion.Checked;
import capas.leccion.LessonCheck;
import capas.leccion.LessonDefinition;
import capas.store.IdMap;
import capas.store.Location;
import capas.store.MountInfo;
import capas.store.OverlayMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lesson 04, "Almacenamiento de contenedores rootless": each Comprueba gathers what the store,
 * podman and {@code /proc} say now ({@code gather…}), and a pure function judges those facts
 * ({@code judge…}) claim by claim, so that the judgement is tested on captured stores.
 */
public final class RootlessStorage implements LessonDefinition {
    static final String ID = "04";
    static final List<String> CONTAINERS = List.of("contenedor1", "contenedor2");
    static final String C1 = "contenedor1";
    /** The folder section 4 mounts a tmpfs on, in the student's home. */
    static final String TMPFS_DIR = "capas-04-tmpfs";
    static final String TMPFS_TEXT = "escrito en el tmpfs";
    static final long USER = 1000;
    static final List<String> LAYER_PIECES = List.of("diff", "work", "merged", "link");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Messages M = Messages.forClass(RootlessStorage.class);

    /** A message with its numbers as digits: uids and byte counts are read, not rounded to «1.001». */
    static String text(String key, Object... args) {
        return M.digits(key, args);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTLESS;
    }

    @Override
    public Map<String, LessonCheck> checks() {
        Map<String, LessonCheck> checks = new LinkedHashMap<>();
        checks.put("contenedores-rootless", (lesson, data) -> judgeRunning(running(lesson.lab())));
        checks.put("espacios-de-nombres", (lesson, data) -> judgeNamespaces(namespaces(lesson.lab())));
        checks.put("montajes-ocultos", (lesson, data) -> judgeHidden(hidden(lesson.lab()), lesson.prediction("anfitrion-ve-overlay")));
        checks.put("tmpfs", (lesson, data) -> judgeTmpfs(tmpfs(lesson.lab())));
        checks.put("tmpfs-desmontado", (lesson, data) -> judgeTmpfsGone(tmpfsGone(lesson.lab())));
        checks.put("uid-map", (lesson, data) -> judgeIdMaps(idMaps(lesson.lab()), lesson.prediction("root-en-subuid")));
        checks.put("duenos-en-la-capa", (lesson, data) -> judgeOwners(owners(lesson.lab()), lesson.prediction("uid-de-root")));
        checks.put("duenos-en-la-imagen", (lesson, data) -> judgeImageOwners(imageOwners(lesson.lab()), lesson.prediction("dueno-de-busybox")));
        checks.put("mismo-almacen", (lesson, data) -> judgeSameStore(sameStore(lesson.lab()), lesson.prediction("capas-del-rootful")));
        checks.put("limpieza", (lesson, data) -> judgeCleanup(cleanup(lesson.lab(), data)));
        return checks;
    }

    @Override
    public String title(String check) {
        return text("title." + check);
    }

    static Path tmpfsDir() {
        return Env.home().resolve(TMPFS_DIR);
    }

    // contenedores-rootless

    record Running(String name, String lessonLabel, boolean running, boolean inStore) {
    }

    static List<Running> running(Capas lab) {
        return CONTAINERS.stream().map(n -> new Running(n, lab.podman().labels(n).get("capas.leccion"),
                lab.podman().inspect(n).path("State").path("Running").asBoolean(), lab.store().findContainer(n).isPresent())).toList();
    }

    static List<Checked> judgeRunning(List<Running> facts) {
        List<Checked> items = new ArrayList<>();
        for (Running f : facts) {
            items.add(Checked.claim(f.running() && ID.equals(f.lessonLabel()), text("run.running", f.name()),
                    text("run.running.evidence", f.running() ? text("yes") : text("no"), String.valueOf(f.lessonLabel()))));
            items.add(Checked.claim(f.inStore(), text("run.store", f.name()), ""));
        }
        return items;
    }

    // espacios-de-nombres

    record NsFacts(Namespaces ns, Map<String, Long> uidInside, IdMap uidMap, long me) {
    }

    static NsFacts namespaces(Capas lab) {
        Namespaces ns = lab.processes().namespaces(CONTAINERS.toArray(String[]::new));
        Map<String, Long> inside = new LinkedHashMap<>();
        for (String c : CONTAINERS) {
            inside.put(c, Long.parseLong(lab.podman().exec(c, "id", "-u").out().strip()));
        }
        return new NsFacts(ns, inside, lab.ids().uidMap(), lab.ids().hostUid());
    }

    static List<Checked> judgeNamespaces(NsFacts f) {
        ProcessNamespaces host = f.ns().host();
        ProcessNamespaces pause = f.ns().pause();
        ProcessNamespaces unshare = f.ns().unshare();
        List<ProcessNamespaces> cs = CONTAINERS.stream().map(c -> f.ns().container(c)).toList();
        List<Checked> items = new ArrayList<>();
        boolean own = cs.stream().allMatch(c -> !c.mnt().equals(host.mnt()) && !c.mnt().equals(pause.mnt()))
                && cs.stream().map(ProcessNamespaces::mnt).distinct().count() == cs.size();
        items.add(Checked.claim(own, text("ns.own.mnt"), text("ns.mnts", host.mnt(), pause.mnt(), cs.get(0).mnt(), cs.get(1).mnt())));
        items.add(Checked.claim(!pause.mnt().equals(host.mnt()) && !pause.user().equals(host.user()), text("ns.pause", pause.pid()),
                pause.mnt() + " " + pause.user()));
        items.add(Checked.claim(unshare.mnt().equals(pause.mnt()) && unshare.user().equals(pause.user()), text("ns.unshare"),
                unshare.mnt() + " " + unshare.user()));
        items.add(Checked.claim(cs.stream().allMatch(c -> c.user().equals(pause.user())), text("ns.user"), pause.user()));
        for (ProcessNamespaces c : cs) {
            long inside = f.uidInside().get(c.name());
            long expected = f.uidMap().toHost(inside);
            items.add(Checked.claim(c.hostUid() == expected, text("ns.pid1", c.name(), inside, expected),
                    text("ns.pid1.host", c.hostUid()) + (c.hostUid() == f.me() ? text("you") : "")));
        }
        return items;
    }

    // montajes-ocultos

    /**
     * @param pauseMerged the overlays in the pause process's own mount table, {@code /proc/<pid>/mountinfo}
     * @param inContainer where overlays are mounted as contenedor1 sees them
     */
    record Hidden(String graphRoot, List<String> hostMerged, List<String> unshareMerged, long pausePid, List<String> pauseMerged,
            Map<String, String> containerMerged, List<String> inContainer) {
    }

    static Hidden hidden(Capas lab) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (String c : CONTAINERS) {
            merged.put(c, lab.mounts().container(c).mergedDir());
        }
        long pause = lab.processes().pause().pid();
        List<String> inContainer = MountPoint.parse(lab.podman().exec(C1, "cat", "/proc/self/mountinfo").out().lines().toList()).stream()
                .filter(m -> m.fsType().equals("overlay")).map(MountPoint::mountPoint).toList();
        return new Hidden(lab.graphRoot().toString(), mergedDirs(lab.mounts().hostOverlays()), mergedDirs(lab.mounts().namespaceOverlays()), pause,
                mergedDirs(MountInfo.overlays(Path.of("/proc", String.valueOf(pause), "mountinfo"))), merged, inContainer);
    }

    private static List<String> mergedDirs(List<OverlayMount> mounts) {
        return mounts.stream().map(OverlayMount::mergedDir).toList();
    }

    static List<Checked> judgeHidden(Hidden f, Optional<String> prediction) {
        List<String> seen = f.hostMerged().stream().filter(m -> m.startsWith(f.graphRoot())).toList();
        List<Checked> items = new ArrayList<>();
        items.add(Checked.claim(seen.isEmpty(), text("hidden.host", f.graphRoot()), seen.isEmpty() ? text("hidden.host.none") : String.join(" ", seen)));
        for (Map.Entry<String, String> c : f.containerMerged().entrySet()) {
            items.add(Checked.claim(f.pauseMerged().contains(c.getValue()), text("hidden.pause", c.getKey(), f.pausePid()), c.getValue()));
        }
        items.add(Checked.claim(f.unshareMerged().containsAll(f.containerMerged().values()), text("hidden.unshare"), ""));
        items.add(Checked.claim(f.inContainer().equals(List.of("/")), text("hidden.container", C1), String.join(" ", f.inContainer())));
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(!seen.isEmpty())), text("hidden.prediction"),
                text(seen.isEmpty() ? "hidden.outcome.no" : "hidden.outcome.yes")));
        return items;
    }

    // tmpfs

    record Tmpfs(String dir, List<String> namespaceFsTypes, boolean onHost, List<String> hostEntries, String readInside) {
    }

    static Tmpfs tmpfs(Capas lab) {
        String dir = tmpfsDir().toString();
        List<String> types = lab.mounts().namespace().stream().filter(m -> m.mountPoint().equals(dir)).map(MountPoint::fsType).toList();
        boolean onHost = lab.mounts().host().stream().anyMatch(m -> m.mountPoint().equals(dir));
        List<String> entries;
        try (Stream<Path> files = Files.list(tmpfsDir())) {
            entries = files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Tmpfs(dir, types, onHost, entries, lab.podman().unshare("cat", dir + "/hola.txt").out().strip());
    }

    static List<Checked> judgeTmpfs(Tmpfs f) {
        boolean mounted = !f.namespaceFsTypes().isEmpty() && f.namespaceFsTypes().get(f.namespaceFsTypes().size() - 1).equals("tmpfs");
        return List.of(
                Checked.claim(mounted, text("tmpfs.inside", f.dir()), String.join(" ", f.namespaceFsTypes())),
                Checked.claim(TMPFS_TEXT.equals(f.readInside()), text("tmpfs.read"), f.readInside()),
                Checked.claim(!f.onHost(), text("tmpfs.host"), ""),
                Checked.claim(f.hostEntries().isEmpty(), text("tmpfs.host.empty"), String.join(" ", f.hostEntries())));
    }

    record TmpfsGone(String dir, boolean mounted, boolean exists) {
    }

    static TmpfsGone tmpfsGone(Capas lab) {
        String dir = tmpfsDir().toString();
        return new TmpfsGone(dir, lab.mounts().namespace().stream().anyMatch(m -> m.mountPoint().equals(dir)), Files.exists(tmpfsDir()));
    }

    static List<Checked> judgeTmpfsGone(TmpfsGone f) {
        return List.of(Checked.claim(!f.mounted(), text("tmpfs.unmounted", f.dir()), ""), Checked.claim(!f.exists(), text("tmpfs.removed"), ""));
    }

    // uid-map

    record IdMaps(long me, long myGid, IdMap uidMap, IdMap gidMap, SubIdRange subuid, SubIdRange subgid) {
    }

    static IdMaps idMaps(Capas lab) {
        return new IdMaps(lab.ids().hostUid(), lab.ids().hostGid(), lab.ids().uidMap(), lab.ids().gidMap(), lab.ids().subUids().get(0),
                lab.ids().subGids().get(0));
    }

    static List<Checked> judgeIdMaps(IdMaps f, Optional<String> prediction) {
        List<Checked> items = new ArrayList<>();
        items.add(Checked.claim(f.uidMap().toContainer(f.me()) == 0, text("idmap.me", f.me()), text("idmap.inside", f.uidMap().toContainer(f.me()))));
        items.add(Checked.claim(f.gidMap().toContainer(f.myGid()) == 0, text("idmap.mygid", f.myGid()),
                text("idmap.inside", f.gidMap().toContainer(f.myGid()))));
        items.add(Checked.claim(f.uidMap().toHost(1) == f.subuid().start() && f.uidMap().toHost(f.subuid().count()) == f.subuid().end(),
                text("idmap.sub", "uid", f.subuid().count(), f.subuid().start(), f.subuid().end(), "/etc/subuid"),
                text("idmap.one", f.uidMap().toHost(1))));
        if (f.subuid().count() >= USER) {
            long expected = f.subuid().start() + USER - 1;
            items.add(Checked.claim(f.uidMap().toHost(USER) == expected, text("idmap.1000", expected, f.subuid().start()),
                    text("idmap.one", f.uidMap().toHost(USER))));
        }
        items.add(Checked.claim(f.gidMap().toHost(1) == f.subgid().start() && f.gidMap().toHost(f.subgid().count()) == f.subgid().end(),
                text("idmap.sub", "gid", f.subgid().count(), f.subgid().start(), f.subgid().end(), "/etc/subgid"),
                text("idmap.one", f.gidMap().toHost(1))));
        long root = f.uidMap().toHost(0);
        boolean rootIsSub = root >= f.subuid().start() && root <= f.subuid().end();
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(rootIsSub)), text("idmap.prediction"),
                text(rootIsSub ? "idmap.outcome.sub" : "idmap.outcome.you", root, f.subuid().start(), f.subuid().end())
                        + (root == f.me() ? text("you") : "")));
        return items;
    }

    // duenos-en-la-capa

    /** A file written in the container: by whom (inside), its owner on disk, its owner seen inside {@code podman unshare} (-1: not seen). */
    record Owned(String name, long uid, long gid, long hostUid, long hostGid, long insideUid, long insideGid) {
    }

    record Owners(List<Owned> files, IdMap uidMap, IdMap gidMap, long me) {
    }

    static Owners owners(Capas lab) {
        long uid = Long.parseLong(lab.podman().exec(C1, "id", "-u").out().strip());
        long gid = Long.parseLong(lab.podman().exec(C1, "id", "-g").out().strip());
        Path tmp = Path.of(lab.mounts().container(C1).upperDir(), "tmp");
        List<DirEntry> inside = lab.files().listDirInside(tmp);
        List<Owned> files = new ArrayList<>();
        for (Object[] c : new Object[][] {{"tmpfile.txt", uid, gid}, {"de-usuario.txt", USER, USER}}) {
            String name = (String) c[0];
            FileOwner disk = lab.ids().owner(C1, "/tmp/" + name);
            Optional<DirEntry> seen = inside.stream().filter(e -> e.name().equals(name)).findFirst();
            files.add(new Owned(name, (Long) c[1], (Long) c[2], disk.hostUid(), disk.hostGid(), seen.map(DirEntry::uid).orElse(-1),
                    seen.map(DirEntry::gid).orElse(-1)));
        }
        return new Owners(files, lab.ids().uidMap(), lab.ids().gidMap(), lab.ids().hostUid());
    }

    static List<Checked> judgeOwners(Owners f, Optional<String> prediction) {
        List<Checked> items = new ArrayList<>();
        for (Owned o : f.files()) {
            long hu = f.uidMap().toHost(o.uid());
            long hg = f.gidMap().toHost(o.gid());
            items.add(Checked.claim(o.hostUid() == hu && o.hostGid() == hg, text("owners.disk", o.name(), o.uid() + ":" + o.gid(), hu + ":" + hg),
                    text("owners.disk.real", o.hostUid() + ":" + o.hostGid()) + (o.hostUid() == f.me() ? text("you") : text("owners.sub"))));
            items.add(Checked.claim(o.insideUid() == o.uid() && o.insideGid() == o.gid(), text("owners.unshare", o.name(), o.uid() + ":" + o.gid()),
                    o.insideUid() < 0 ? text("owners.unseen") : o.insideUid() + ":" + o.insideGid()));
        }
        Owned root = f.files().get(0);
        items.addAll(Predictions.judged(prediction, a -> predictsUid(a, root.hostUid(), f.me()), text("owners.prediction"),
                text("owners.outcome", root.hostUid()) + (root.hostUid() == f.me() ? text("you") : "")));
        return items;
    }

    /** A uid, or words for «my own» when it is the student's uid. */
    static boolean predictsUid(String answer, long uid, long me) {
        Matcher m = NUMBER.matcher(answer);
        if (m.find()) {
            return Long.parseLong(m.group()) == uid;
        }
        return uid == me && Stream.of("mio", "mi uid", "mi usuario", "yo", "el tuyo", "tu uid").anyMatch(w -> Predictions.names(answer, w));
    }

    // duenos-en-la-imagen

    record Entry(String name, long insideUid, long insideGid, long layerHostUid, long layerHostGid) {
    }

    record ImageOwners(Location busybox, long busyboxInsideUid, List<Entry> merged, int mergedSeenFromHost, IdMap uidMap, IdMap gidMap, long me) {
    }

    static ImageOwners imageOwners(Capas lab) {
        Location busybox = lab.layers().locate(C1, "/bin/busybox");
        long busyboxInside = busybox.state() != Location.State.PRESENT ? -1
                : lab.files().listDirInside(busybox.host().getParent()).stream().filter(e -> e.name().equals("busybox")).findFirst().map(DirEntry::uid)
                        .orElse(-1);
        Path merged = Path.of(lab.mounts().container(C1).mergedDir());
        List<Entry> entries = new ArrayList<>();
        for (DirEntry e : lab.files().listDirInside(merged)) {
            Location where = lab.layers().locate(C1, "/" + e.name());
            entries.add(new Entry(e.name(), e.uid(), e.gid(), where.hostUid(), where.hostGid()));
        }
        return new ImageOwners(busybox, busyboxInside, entries, lab.files().listDir(merged).size(), lab.ids().uidMap(), lab.ids().gidMap(),
                lab.ids().hostUid());
    }

    static List<Checked> judgeImageOwners(ImageOwners f, Optional<String> prediction) {
        Location b = f.busybox();
        boolean inImage = b.state() == Location.State.PRESENT && !b.inContainerLayer();
        List<Checked> items = new ArrayList<>();
        items.add(Checked.claim(inImage, text("image.busybox"), String.valueOf(b.hostPath())));
        if (inImage) {
            boolean fits = f.busyboxInsideUid() == f.uidMap().toContainer(b.hostUid()) && (f.busyboxInsideUid() != 0 || b.hostUid() == f.me());
            items.add(Checked.claim(fits, text("image.busybox.owner"),
                    text("image.busybox.uids", b.hostUid(), f.busyboxInsideUid()) + (b.hostUid() == f.me() ? text("you") : "")));
            items.addAll(Predictions.judged(prediction, a -> predictsUid(a, b.hostUid(), f.me()), text("image.prediction"),
                    text("owners.outcome", b.hostUid()) + (b.hostUid() == f.me() ? text("you") : "")));
        }
        List<String> wrong = f.merged().stream().filter(e -> f.uidMap().toContainer(e.layerHostUid()) != e.insideUid()
                || f.gidMap().toContainer(e.layerHostGid()) != e.insideGid()).map(Entry::name).toList();
        long root = f.merged().stream().filter(e -> e.insideUid() == 0 && e.insideGid() == 0).count();
        items.add(Checked.claim(wrong.isEmpty() && !f.merged().isEmpty(), text("image.merged", f.merged().size()),
                wrong.isEmpty() ? "" : text("image.merged.wrong", String.join(" ", wrong))));
        items.add(Checked.claim(root > 0, text("image.merged.root"), text("image.merged.root.count", root)));
        items.add(Checked.claim(f.mergedSeenFromHost() == 0, text("image.merged.host"), text("image.merged.host.count", f.mergedSeenFromHost())));
        return items;
    }

    // mismo-almacen

    /**
     * @param imageLayers        the course image's layers, as this (rootless) store lists them
     * @param imageLayersMissing those of them without a {@code diff} of their own in this store
     */
    record SameStore(String graphRoot, String layer, List<String> missingPieces, List<String> options, List<String> imageLayers,
            List<String> imageLayersMissing) {
    }

    static SameStore sameStore(Capas lab) {
        String layer = lab.store().container(C1).layer();
        List<String> missing = LAYER_PIECES.stream().filter(p -> !lab.files().exists(lab.store().layerDir(layer).resolve(p))).toList();
        List<String> imageLayers = lab.layers().imageLayerIds(Env.image());
        List<String> imageMissing = imageLayers.stream().filter(id -> !lab.files().exists(lab.store().diffDir(id))).toList();
        return new SameStore(lab.graphRoot().toString(), layer, missing, lab.mounts().container(C1).options(), imageLayers, imageMissing);
    }

    static List<Checked> judgeSameStore(SameStore f, Optional<String> prediction) {
        // A layer of the image without a diff here would be served from elsewhere: that is the only way two stores share one.
        boolean ownCopy = !f.imageLayers().isEmpty() && f.imageLayersMissing().isEmpty();
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(f.missingPieces().isEmpty(), text("same.pieces", f.layer().substring(0, 12)),
                        f.missingPieces().isEmpty() ? "" : text("same.missing", String.join(", ", f.missingPieces()))),
                Checked.claim(f.options().contains("userxattr"), text("same.userxattr"), String.join(",", f.options())),
                Checked.claim(ownCopy, text("same.image", f.imageLayers().size(), f.graphRoot()),
                        f.imageLayersMissing().isEmpty() ? "" : text("same.missing", String.join(", ", f.imageLayersMissing())))));
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(!ownCopy)), text("same.prediction"),
                text(ownCopy ? "same.outcome.own" : "same.outcome.shared", f.graphRoot())));
        return items;
    }

    // limpieza

    record Cleanup(List<String> stillKnown, List<String> stillListed, List<String> layersLeft, List<String> overlaysLeft, String imageId) {
    }

    static Cleanup cleanup(Capas lab, List<Object> data) {
        if (data.isEmpty() || !(data.get(0) instanceof List<?> layers) || layers.isEmpty()) {
            throw new CapasException(CapasException.Kind.CHECK, text("cleanup.no.layers"));
        }
        List<String> dirs = layers.stream().map(String::valueOf).toList();
        List<String> known = CONTAINERS.stream().filter(n -> !lab.podman().labels(n).isEmpty()).toList();
        List<String> listed = CONTAINERS.stream().filter(n -> lab.store().findContainer(n).isPresent()).toList();
        List<String> left = dirs.stream().filter(d -> lab.files().exists(Path.of(d))).toList();
        List<String> mounted = lab.mounts().namespaceOverlays().stream().map(OverlayMount::mergedDir)
                .filter(m -> dirs.stream().anyMatch(m::startsWith)).toList();
        return new Cleanup(known, listed, left, mounted, lab.store().findImage(Env.image()).map(i -> i.id()).orElse(""));
    }

    static List<Checked> judgeCleanup(Cleanup f) {
        return List.of(
                Checked.claim(f.stillKnown().isEmpty() && f.stillListed().isEmpty(), text("cleanup.gone"),
                        String.join(" ", f.stillKnown()) + " " + String.join(" ", f.stillListed())),
                Checked.claim(f.layersLeft().isEmpty(), text("cleanup.layers"), String.join(" ", f.layersLeft())),
                Checked.claim(f.overlaysLeft().isEmpty(), text("cleanup.mounts"), String.join(" ", f.overlaysLeft())),
                Checked.claim(!f.imageId().isEmpty(), text("cleanup.image"), f.imageId().isEmpty() ? "" : f.imageId().substring(0, 12)));
    }
}
