package capas.leccion.catalog;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.context.DirEntry;
import capas.context.NamespaceIds;
import capas.lab.Capas;
import capas.lab.MountView;
import capas.leccion.Checked;
import capas.leccion.Leccion;
import capas.leccion.LessonCheck;
import capas.leccion.LessonDefinition;
import capas.podman.ContainerSize;
import capas.podman.GraphDriver;
import capas.render.Highlight;
import capas.render.LayerBox;
import capas.render.StackDiagram;
import capas.store.Container;
import capas.store.Image;
import capas.store.Location;
import capas.store.MountInfo;
import capas.store.OverlayMount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lesson 03, "Almacenamiento de contenedores" (rootful): each Comprueba gathers what the store,
 * podman and the kernel say now ({@code gather…}), and a pure function judges those facts
 * ({@code judge…}) claim by claim, so that the judgement is tested on captured stores.
 */
public final class ContainerStorage implements LessonDefinition {
    static final String ID = "03";
    static final String C1 = "contenedor1";
    static final String C2 = "contenedor2";
    static final String FILE = "/tmp/tmpfile.txt";
    static final String CONTENT = "Ejemplo Podman";
    static final long WRITTEN = 20_000_000;
    /** What the image part of a size may move between two reads (podman rounds and re-measures). */
    static final long SIZE_SLACK = 1_000_000;
    /** How far a predicted growth may be from the measured one and still be right. */
    static final long GROWTH_SLACK = 2_000_000;
    static final List<String> USERDATA_ENTRIES = List.of("config.json", "shm", "attach", "ctl", "winsz");
    static final List<String> RUNTIMES = List.of("runc", "crun");
    private static final Messages M = Messages.forClass(ContainerStorage.class);

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
        return Mode.ROOTFUL;
    }

    @Override
    public Map<String, LessonCheck> checks() {
        Map<String, LessonCheck> checks = new LinkedHashMap<>();
        checks.put("contenedor-creado", (lesson, data) -> judgeCreated(created(lesson.lab()), lesson.prediction("capas-propias")));
        checks.put("registro-del-contenedor", (lesson, data) -> judgeRecord(record(lesson.lab()), lesson.prediction("campo-image")));
        checks.put("fichero-en-la-capa", (lesson, data) -> judgeFile(file(lesson.lab()), lesson.prediction("capa-de-tmpfile")));
        checks.put("userdata", (lesson, data) -> judgeUserdata(userdata(lesson.lab())));
        checks.put("montaje", (lesson, data) -> judgeMount(mount(lesson.lab()), lesson.prediction("overlay-en-el-anfitrion")));
        checks.put("capas-compartidas", (lesson, data) -> judgeShared(shared(lesson.lab()), lesson.prediction("misma-lowerdir")));
        checks.put("dibujo", (lesson, data) -> judgeDiagram(diagram(lesson.lab())));
        checks.put("la-capa-crece", (lesson, data) -> judgeGrowth(size(data), lesson.lab().podman().containerSize(C1), lesson.prediction("cuanto-crece"),
                lesson.prediction("cambia-la-imagen")));
        checks.put("imagen-en-uso", (lesson, data) -> judgeRmi(rmi(lesson.lab()), lesson.prediction("rmi")));
        checks.put("contenedor-borrado", (lesson, data) -> judgeRemoved(removed(lesson.lab(), data), lesson.prediction("capa-tras-rm")));
        return checks;
    }

    @Override
    public String title(String check) {
        return text("title." + check);
    }

    private static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(12, id.length()));
    }

    // contenedor-creado

    /** @param ownLayers the layers between the container's and the image's top one, the container's included */
    record Created(String graphRoot, String containerId, String imageName, String imageId, String containerImageId, boolean running,
            Map<String, String> labels, int ownLayers) {
    }

    static Created created(Capas lab) {
        Container c = lab.store().container(C1);
        String image = Env.image();
        String imageTop = lab.store().image(image).topLayer();
        int own = 0;
        for (String id = c.layer(); id != null && !id.isEmpty() && !id.equals(imageTop); id = lab.store().layer(id).parent()) {
            own++;
        }
        return new Created(lab.graphRoot().toString(), c.id(), image, lab.store().image(image).id(), c.imageId(),
                lab.podman().inspect(C1).path("State").path("Running").asBoolean(), lab.podman().labels(C1), own);
    }

    /** Whether the answer's count is {@code n}, in digits or (up to three) in words: «1», «una», «una sola». */
    static boolean saysCount(String answer, long n) {
        List<List<String>> words = List.of(List.of("ninguna", "cero"), List.of("una", "un", "uno"), List.of("dos"), List.of("tres"));
        if (answer.matches("(?s).*\\d.*")) {
            return Predictions.saysNumber(answer, n);
        }
        String first = Predictions.normalize(answer).split("[^a-z]+", 2)[0];
        return n < words.size() && words.get((int) n).contains(first);
    }

    static List<Checked> judgeCreated(Created f, Optional<String> prediction) {
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(true, text("created.store", C1, f.graphRoot()), text("created.store.id", shortId(f.containerId()))),
                Checked.claim(f.running(), text("created.running", C1), f.running() ? "" : text("created.running.no", C1)),
                Checked.claim(f.imageId().equals(f.containerImageId()), text("created.image", f.imageName()),
                        text("created.image.ids", shortId(f.containerImageId()), shortId(f.imageId()))),
                Checked.claim("true".equals(f.labels().get("capas.lab")) && ID.equals(f.labels().get("capas.leccion")),
                        text("created.labels"), String.valueOf(new java.util.TreeMap<>(f.labels())))));
        items.addAll(Predictions.judged(prediction, a -> saysCount(a, f.ownLayers()), text("created.prediction"),
                text("created.outcome", f.ownLayers())));
        return items;
    }

    // registro-del-contenedor

    record Record(List<String> names, String imageName, String imageId, String imageField, String layer, String layerParent,
            String imageTopLayer, String diffDir, String inspectUpperDir, boolean selinux, String mountLabel, String processLabel) {
    }

    static Record record(Capas lab) {
        Container c = lab.store().container(C1);
        Image img = lab.store().image(Env.image());
        GraphDriver driver = lab.podman().inspectGraphDriver(C1);
        boolean selinux = lab.podman().command("info", "--format", "{{.Host.Security.SELinuxEnabled}}").out().strip().equals("true");
        return new Record(c.names(), Env.image(), img.id(), c.imageId(), c.layer(), lab.store().layer(c.layer()).parent(), img.topLayer(),
                lab.store().diffDir(c.layer()).toString(), driver.upperDir(), selinux, c.mountLabel(), c.processLabel());
    }

    static List<Checked> judgeRecord(Record f, Optional<String> prediction) {
        boolean flagsFit = f.selinux() != f.mountLabel().isEmpty() && f.selinux() != f.processLabel().isEmpty();
        boolean same = f.imageField().equals(f.imageId());
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(f.names().contains(C1), text("record.names"), String.valueOf(f.names())),
                Checked.claim(f.imageField().equals(f.imageId()), text("record.image", f.imageName()), f.imageField()),
                Checked.claim(f.imageTopLayer().equals(f.layerParent()), text("record.layer"),
                        text("record.layer.parent", shortId(f.layer()), shortId(f.layerParent()), shortId(f.imageTopLayer()))),
                Checked.claim(f.diffDir().equals(f.inspectUpperDir()), text("record.upper"), f.inspectUpperDir()),
                Checked.claim(flagsFit, text(f.selinux() ? "record.flags.selinux" : "record.flags.none"),
                        text("record.flags.values", f.mountLabel(), f.processLabel()))));
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(same)), text("record.prediction"),
                same ? text("record.outcome.same", shortId(f.imageId())) : text("record.outcome.other", shortId(f.imageField()), shortId(f.imageId()))));
        return items;
    }

    // fichero-en-la-capa

    record FileFacts(String expected, Location where, String content) {
    }

    static FileFacts file(Capas lab) {
        Container c = lab.store().container(C1);
        Location where = lab.layers().locate(C1, FILE);
        String content = where.state() == Location.State.PRESENT ? lab.files().readFile(where.host()).strip() : "";
        return new FileFacts(lab.store().diffDir(c.layer()).resolve(FILE.substring(1)).toString(), where, content);
    }

    static List<Checked> judgeFile(FileFacts f, Optional<String> prediction) {
        boolean there = f.where().state() == Location.State.PRESENT && f.expected().equals(f.where().hostPath());
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(there && f.where().inContainerLayer(), text("file.where", FILE), String.valueOf(f.where().hostPath())),
                Checked.claim(CONTENT.equals(f.content()), text("file.content", CONTENT), f.content())));
        String layer = text(f.where().inContainerLayer() ? "file.layer.container" : "file.layer.image");
        items.addAll(Predictions.judged(prediction, a -> f.where().inContainerLayer()
                ? Predictions.names(a, "contenedor") && !Predictions.names(a, "imagen")
                : Predictions.names(a, "imagen") && !Predictions.names(a, "contenedor"), text("file.prediction"), layer));
        return items;
    }

    // userdata

    record Userdata(String dir, List<String> entries, String containerId, String rootPath, String mergedDir, Map<String, String> mounts,
            String runtime) {
    }

    static Userdata userdata(Capas lab) {
        Container c = lab.store().container(C1);
        Path dir = lab.store().userdataDir(c);
        List<String> entries = lab.files().listDir(dir).stream().map(DirEntry::name).toList();
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(lab.files().readFile(dir.resolve("config.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> mounts = new HashMap<>();
        config.path("mounts").forEach(m -> mounts.put(m.path("destination").asText(), m.path("source").asText()));
        String runtime = lab.podman().inspect(C1).path("OCIRuntime").asText("");
        return new Userdata(dir.toString(), entries, c.id(), config.path("root").path("path").asText(), lab.store().mergedDir(c.layer()).toString(),
                mounts, runtime);
    }

    static List<Checked> judgeUserdata(Userdata f) {
        List<String> missing = USERDATA_ENTRIES.stream().filter(e -> !f.entries().contains(e)).toList();
        List<Checked> items = new ArrayList<>();
        items.add(Checked.claim(missing.isEmpty(), text("userdata.entries", f.dir()),
                missing.isEmpty() ? String.join(", ", f.entries()) : text("userdata.missing", String.join(", ", missing))));
        items.add(Checked.claim(RUNTIMES.contains(f.runtime()), text("userdata.runtime"), f.runtime()));
        items.add(Checked.claim(f.mergedDir().equals(f.rootPath()), text("userdata.root"), f.rootPath()));
        String shm = f.mounts().get("/dev/shm");
        items.add(Checked.claim(Path.of(f.dir(), "shm").toString().equals(shm), text("userdata.shm"), String.valueOf(shm)));
        for (String etc : List.of("/etc/hostname", "/etc/hosts")) {
            String source = f.mounts().get(etc);
            boolean fromRunroot = source != null && source.endsWith(f.containerId() + "/userdata/" + etc.substring("/etc/".length()))
                    && !source.startsWith(f.dir());
            items.add(Checked.claim(fromRunroot, text("userdata.runroot", etc), String.valueOf(source)));
        }
        return items;
    }

    // montaje

    record MountFacts(MountView mount, String containerLayer, String inspectUpperDir, List<String> imageLayerIds, boolean onHost,
            String hostMnt, String containerMnt) {
    }

    static MountFacts mount(Capas lab) {
        Container c = lab.store().container(C1);
        MountView view = lab.mounts().container(C1);
        boolean onHost = MountInfo.at(lab.mounts().hostOverlays(), view.mergedDir()).isPresent();
        // The container's PID 1 is root's: read its namespace from inside, where it is /proc/1.
        String containerMnt = lab.podman().exec(C1, "readlink", "/proc/1/ns/mnt").out().strip();
        return new MountFacts(view, c.layer(), lab.podman().inspectGraphDriver(C1).upperDir(), lab.layers().imageLayerIds(Env.image()), onHost,
                NamespaceIds.self().mnt(), containerMnt);
    }

    static List<Checked> judgeMount(MountFacts f, Optional<String> prediction) {
        List<String> notLinks = f.mount().lowerDirs().stream().filter(l -> !l.matches("(.*/)?l/[A-Z0-9]{26}")).toList();
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(f.mount().upperDir().equals(f.inspectUpperDir()), text("mount.upper"), f.mount().upperDir()),
                Checked.claim(f.containerLayer().equals(f.mount().upperLayerId()), text("mount.upper.layer"), shortId(f.mount().upperLayerId())),
                Checked.claim(notLinks.isEmpty(), text("mount.links"), String.join(":", notLinks.isEmpty() ? f.mount().lowerDirs() : notLinks)),
                Checked.claim(f.mount().lowerLayerIds().equals(f.imageLayerIds()), text("mount.lower", f.imageLayerIds().size()),
                        String.join(" ", f.mount().lowerLayerIds().stream().map(ContainerStorage::shortId).toList())),
                Checked.claim(!f.containerMnt().isEmpty() && !f.containerMnt().equals(f.hostMnt()), text("mount.own.ns"),
                        text("mount.own.ns.ids", f.containerMnt(), f.hostMnt())),
                Checked.claim(f.onHost(), text("mount.on.host"), f.mount().mergedDir())));
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(f.onHost())), text("mount.prediction"),
                text(f.onHost() ? "mount.outcome.yes" : "mount.outcome.no")));
        return items;
    }

    // capas-compartidas

    record Shared(OverlayMount first, OverlayMount second, boolean secondGone, List<String> imageLayers, List<String> imageLayersMissing) {
    }

    static Shared shared(Capas lab) {
        OverlayMount first = lab.mounts().container(C1).mount();
        OverlayMount second = lab.mounts().container(C2).mount();
        lab.podman().removeIfLab(C2);
        List<String> layers = lab.layers().imageLayerIds(Env.image());
        List<String> missing = layers.stream().filter(id -> !lab.files().exists(lab.store().diffDir(id))).toList();
        return new Shared(first, second, lab.store().findContainer(C2).isEmpty(), layers, missing);
    }

    static List<Checked> judgeShared(Shared f, Optional<String> prediction) {
        boolean sameLower = f.first().lowerDirs().equals(f.second().lowerDirs());
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(sameLower, text("shared.lower"), String.join(":", f.first().lowerDirs())),
                Checked.claim(!f.first().upperDir().equals(f.second().upperDir()), text("shared.upper"),
                        text("shared.upper.both", f.first().upperDir(), f.second().upperDir())),
                Checked.claim(f.secondGone(), text("shared.removed", C2), ""),
                Checked.claim(f.imageLayersMissing().isEmpty(), text("shared.kept", f.imageLayers().size()),
                        f.imageLayersMissing().isEmpty() ? "" : text("shared.missing", String.join(", ", f.imageLayersMissing())))));
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(sameLower)), text("shared.prediction"),
                text(sameLower ? "shared.outcome.same" : "shared.outcome.other")));
        return items;
    }

    // dibujo

    record Drawing(StackDiagram diagram, String containerLayer, boolean markedExists, List<String> imageLayerIds) {
    }

    static Drawing diagram(Capas lab) {
        StackDiagram d = lab.layers().diagram(C1, FILE);
        Highlight h = d.highlight();
        return new Drawing(d, lab.store().container(C1).layer(), h != null && lab.files().exists(Path.of(h.hostPath())),
                lab.layers().imageLayerIds(Env.image()));
    }

    static List<Checked> judgeDiagram(Drawing f) {
        List<LayerBox> boxes = f.diagram().layers();
        LayerBox top = boxes.get(0);
        Highlight h = f.diagram().highlight();
        List<String> below = boxes.subList(1, boxes.size()).stream().map(LayerBox::id).toList();
        return List.of(
                Checked.claim(top.containerLayer() && top.id().equals(f.containerLayer()), text("diagram.top"), shortId(top.id())),
                Checked.claim(h != null && f.containerLayer().equals(h.layerId()) && f.markedExists(), text("diagram.marked", FILE),
                        h == null ? text("diagram.unmarked") : h.hostPath()),
                Checked.claim(below.equals(f.imageLayerIds()), text("diagram.below", f.imageLayerIds().size()),
                        String.join(" ", below.stream().map(ContainerStorage::shortId).toList())));
    }

    // la-capa-crece

    private static ContainerSize size(List<Object> data) {
        if (data.isEmpty() || !(data.get(0) instanceof ContainerSize before)) {
            throw new CapasException(CapasException.Kind.CHECK, text("growth.no.before"));
        }
        return before;
    }

    /**
     * Podman 4 counts the image alone in the virtual size; podman 5 adds the container's layer.
     * Either way the image part must not move.
     */
    static List<Checked> judgeGrowth(ContainerSize before, ContainerSize after, Optional<String> growth, Optional<String> imageChange) {
        long grew = after.rwBytes() - before.rwBytes();
        long imageOnly4 = Math.abs(after.imageBytes() - before.imageBytes());
        long imageOnly5 = Math.abs((after.imageBytes() - after.rwBytes()) - (before.imageBytes() - before.rwBytes()));
        boolean imageKept = Math.min(imageOnly4, imageOnly5) <= SIZE_SLACK;
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(grew >= WRITTEN, text("growth.layer"), text("growth.layer.bytes", before.rwBytes(), after.rwBytes(), Math.round(grew / 1e6))),
                Checked.claim(imageKept, text("growth.image"), text("growth.image.bytes", before.imageBytes(), after.imageBytes()))));
        items.addAll(Predictions.judged(growth, a -> saysMegabytes(a, grew), text("growth.prediction"),
                text("growth.outcome", Math.round(grew / 1e6))));
        items.addAll(Predictions.judged(imageChange, a -> Predictions.yesNo(a).equals(Optional.of(!imageKept)), text("growth.image.prediction"),
                text(imageKept ? "growth.image.outcome.kept" : "growth.image.outcome.changed")));
        return items;
    }

    /** Whether the answer's first number, in MB, is within {@link #GROWTH_SLACK} of {@code bytes} (20 MiB are 21 MB, and both are right). */
    static boolean saysMegabytes(String answer, long bytes) {
        var m = java.util.regex.Pattern.compile("\\d+").matcher(answer);
        return m.find() && Math.abs(Long.parseLong(m.group()) * 1_000_000 - bytes) <= GROWTH_SLACK;
    }

    // imagen-en-uso

    /**
     * @param usedByC1  whether contenedor1 uses the image (else nothing was tried: rmi would remove it)
     * @param refusal   podman's (or the library's) refusal, or {@code null} if the image was removed
     */
    record Rmi(String imageName, String imageId, boolean usedByC1, String refusal, String imageIdAfter) {
    }

    static Rmi rmi(Capas lab) {
        String image = Env.image();
        String before = lab.store().image(image).id();
        Optional<Container> user = lab.store().findContainer(C1);
        if (user.isEmpty() || !user.get().imageId().equals(before)) {
            return new Rmi(image, before, false, null, before);
        }
        String refusal = null;
        try {
            lab.podman().rmi(image);
        } catch (CapasException e) {
            // IMAGE_HAS_OTHER_NAMES: a name of the student's own, and rmi by a name would only take that name away.
            if (e.kind() != CapasException.Kind.IMAGE_IN_USE && e.kind() != CapasException.Kind.IMAGE_HAS_OTHER_NAMES) {
                throw e;
            }
            refusal = e.getMessage();
        }
        return new Rmi(image, before, true, refusal, lab.store().findImage(image).map(Image::id).orElse(""));
    }

    static List<Checked> judgeRmi(Rmi f, Optional<String> prediction) {
        List<Checked> items = new ArrayList<>();
        items.add(Checked.claim(f.usedByC1(), text("rmi.used", C1, f.imageName()), f.usedByC1() ? "" : text("rmi.not.tried")));
        if (f.usedByC1()) {
            items.add(Checked.claim(f.refusal() != null, text("rmi.refused"), f.refusal() == null ? text("rmi.removed", f.imageName()) : f.refusal()));
            items.add(Checked.claim(f.imageId().equals(f.imageIdAfter()), text("rmi.kept"), shortId(f.imageIdAfter())));
            items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(f.refusal() == null)), text("rmi.prediction"),
                    text(f.refusal() == null ? "rmi.outcome.removed" : "rmi.outcome.refused")));
        }
        return items;
    }

    // contenedor-borrado

    record Removed(String layerDir, boolean layerExists, boolean c1Listed, boolean c2Listed, String imageName, String imageId) {
    }

    static Removed removed(Capas lab, List<Object> data) {
        if (data.isEmpty() || !(data.get(0) instanceof String layer) || layer.isBlank()) {
            throw new CapasException(CapasException.Kind.CHECK, text("removed.no.layer"));
        }
        Path dir = lab.store().layerDir(layer);
        return new Removed(dir.toString(), lab.files().exists(dir), lab.store().findContainer(C1).isPresent(),
                lab.store().findContainer(C2).isPresent(), Env.image(), lab.store().findImage(Env.image()).map(Image::id).orElse(""));
    }

    static List<Checked> judgeRemoved(Removed f, Optional<String> prediction) {
        List<Checked> items = new ArrayList<>(List.of(
                Checked.claim(!f.layerExists(), text("removed.layer"), f.layerDir()),
                Checked.claim(!f.c1Listed() && !f.c2Listed(), text("removed.index"),
                        f.c1Listed() || f.c2Listed() ? text("removed.still", f.c1Listed() ? C1 : C2) : ""),
                Checked.claim(!f.imageId().isEmpty(), text("removed.image", f.imageName()), shortId(f.imageId()))));
        items.addAll(Predictions.judged(prediction, a -> Predictions.yesNo(a).equals(Optional.of(f.layerExists())), text("removed.prediction"),
                text(f.layerExists() ? "removed.outcome.kept" : "removed.outcome.gone")));
        return items;
    }
}
