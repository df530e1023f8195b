package capas.practica.catalog;

import capas.Labels;
import capas.lab.Capas;
import capas.practica.PracticaCatalog;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;

import capas.Env;
import capas.Messages;
import capas.podman.Podman;
import capas.context.DirEntry;
import capas.store.Container;
import capas.store.Layer;
import capas.store.Location;
import capas.store.OverlayLayout;
import capas.Mode;
import capas.store.Store;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Práctica 3, "¿Dónde está tu fichero?": create a container with sudo, write a file in it,
 * give the file's path on the host, then the path of the {@code userdata} file that holds what
 * {@code podman logs} shows, and remove the container. Each check reads the real store and
 * names the usual mistakes (merged, an image layer, the container id for the layer id…).
 */
public final class WhereIsYourFile implements PracticaDefinition {
    static final String ID = "p3-donde-esta-tu-fichero";
    static final String CONTAINER = "mi-contenedor";
    static final String FILE = "/tmp/hola.txt";
    private static final Messages M = Messages.forClass(WhereIsYourFile.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTFUL;
    }

    /** The student creates the container: the lab only removes the one an earlier run left. */
    @Override
    public String prepare(Capas lab) {
        return lab.podman().removeIfLab(CONTAINER) ? M.get("prepare.removed", CONTAINER) : M.get("prepare.ready", CONTAINER);
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, answer -> created(lab));
        tasks.put(2, answer -> written(lab));
        tasks.put(3, answer -> hostPath(lab, answer));
        tasks.put(4, answer -> logFile(lab, answer));
        tasks.put(5, answer -> removed(lab));
        return tasks;
    }

    private static Verdict created(Capas lab) {
        Optional<Container> c = lab.store().findContainer(CONTAINER);
        if (c.isEmpty()) {
            return rootlessStore().findContainer(CONTAINER).isPresent()
                    ? Verdict.wrong(1, M.get("created.rootless"))
                    : Verdict.wrong(1, M.get("created.missing"));
        }
        if (!c.get().metadata().imageName().equals(Env.image())) {
            return Verdict.wrong(1, M.get("created.image", c.get().metadata().imageName(), Env.image()));
        }
        if (!lab.mounts().isOverlay(lab.store().mergedDir(c.get().layer()))) {
            return Verdict.wrong(1, M.get("created.stopped"));
        }
        Verdict ok = Verdict.right(1, M.get("created.ok"));
        List<String> missing = missingLabels(lab.podman().labels(CONTAINER));
        return missing.isEmpty() ? ok
                : ok.withWarning(M.get(missing.size() == 1 ? "created.label" : "created.labels", String.join(" y ", missing)));
    }

    /**
     * The lab labels the container lacks ({@code key=value}). Without them the work is still
     * right, but the reset tools will not know the container is this práctica's.
     */
    static List<String> missingLabels(Map<String, String> labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(Labels.LAB, "true");
        wanted.put(Labels.LESSON, PracticaCatalog.lessonOf(ID));
        return wanted.entrySet().stream().filter(w -> !w.getValue().equals(labels.get(w.getKey())))
                .map(w -> w.getKey() + "=" + w.getValue()).toList();
    }

    private static Verdict written(Capas lab) {
        Location where = lab.layers().locate(CONTAINER, FILE);
        if (where.state() != Location.State.PRESENT) {
            // The classic slip: "sudo podman exec mi-contenedor echo hola > /tmp/hola.txt"
            // redirects in the cell's shell, so the file lands in the host's /tmp.
            return Verdict.wrong(2, Files.exists(Path.of(FILE), LinkOption.NOFOLLOW_LINKS) ? M.get("written.host") : M.get("written.missing"));
        }
        return Verdict.right(2, M.get("written.ok"));
    }

    private static Verdict hostPath(Capas lab, Object answer) {
        if (answer == null || answer.toString().isBlank()) {
            return Verdict.wrong(3, M.get("path.empty"));
        }
        Store store = lab.store();
        Container c = store.container(CONTAINER);
        Path real = lab.layers().locate(CONTAINER, FILE).host();
        return judgePath(answer, new PathFacts(store.layout(), new Podman(Mode.ROOTLESS).graphRoot(), c.id(), c.layer(),
                lab.layers().imageLayerIds(c.imageId()), real));
    }

    /**
     * What the judge of task 3 needs to know about the store, so that every wrong path a student
     * is likely to give can be named without a live store.
     *
     * @param rootful      the rootful store, where mi-contenedor is
     * @param rootlessRoot the student's own store, where a container made without sudo would be
     * @param real         where the file is: {@code overlay/<layer>/diff/tmp/hola.txt}
     */
    record PathFacts(OverlayLayout rootful, Path rootlessRoot, String containerId, String layer, List<String> imageLayers, Path real) {
    }

    /** Task 3: the answer is the file's host path; each usual wrong path gets its own direction. */
    static Verdict judgePath(Object answer, PathFacts facts) {
        if (answer == null || answer.toString().isBlank()) {
            return Verdict.wrong(3, M.get("path.empty"));
        }
        OverlayLayout store = facts.rootful();
        Path graphRoot = store.graphRoot();
        Path given = Path.of(answer.toString().strip()).normalize();
        if (given.equals(facts.real())) {
            return Verdict.right(3, M.get("path.ok"), given.toString());
        }
        if (!given.isAbsolute()) {
            return Verdict.wrong(3, M.get("path.relative", graphRoot));
        }
        if (given.equals(Path.of(FILE))) {
            return Verdict.wrong(3, M.get("path.in.container", graphRoot));
        }
        if (!given.startsWith(graphRoot)) {
            return Verdict.wrong(3, given.startsWith(facts.rootlessRoot()) ? M.get("path.rootless") : M.get("path.outside", graphRoot));
        }
        if (given.startsWith(store.mergedDir(facts.layer()))) {
            return Verdict.wrong(3, M.get("path.merged"));
        }
        if (given.startsWith(store.linkDir())) {
            return Verdict.wrong(3, M.get("path.link"));
        }
        if (given.startsWith(store.userdataDir(facts.containerId()))) {
            return Verdict.wrong(3, M.get("path.userdata"));
        }
        if (given.startsWith(store.containersDir())) {
            return Verdict.wrong(3, M.get("path.containers.dir"));
        }
        if (given.startsWith(store.imagesDir()) || given.startsWith(store.layersDir())) {
            return Verdict.wrong(3, M.get("path.index"));
        }
        Path overlay = store.overlayDir();
        if (!given.startsWith(overlay) || given.equals(overlay)) {
            return Verdict.wrong(3, M.get("path.wrong"));
        }
        String name = given.getName(overlay.getNameCount()).toString();
        if (name.equals(facts.containerId()) || isShortened(name, facts.containerId())) {
            return Verdict.wrong(3, M.get("path.container.id"));
        }
        if (facts.imageLayers().stream().anyMatch(l -> name.equals(l) || isShortened(name, l))) {
            return Verdict.wrong(3, M.get("path.image.layer"));
        }
        if (isShortened(name, facts.layer())) {
            return Verdict.wrong(3, M.get("path.short.id"));
        }
        if (!name.equals(facts.layer())) {
            return Verdict.wrong(3, M.get("path.other.layer"));
        }
        if (given.equals(store.diffDir(facts.layer()))) {
            return Verdict.wrong(3, M.get("path.diff.only"));
        }
        if (given.startsWith(store.diffDir(facts.layer()))) {
            return Verdict.wrong(3, M.get("path.inside.diff"));
        }
        if (given.startsWith(store.workDir(facts.layer()))) {
            return Verdict.wrong(3, M.get("path.work"));
        }
        return Verdict.wrong(3, M.get("path.not.diff"));
    }

    /** {@code podman ps} and {@code podman inspect} show ids cut to 12 characters; the folders use all 64. */
    private static boolean isShortened(String name, String id) {
        return name.length() >= 12 && name.length() < id.length() && id.startsWith(name);
    }

    /** {@code userdata/ctr.log}: where conmon writes what the container prints, what {@code podman logs} reads. */
    static final String LOG = "ctr.log";

    private static Verdict logFile(Capas lab, Object answer) {
        if (answer == null || answer.toString().isBlank()) {
            return Verdict.wrong(4, M.get("path.empty"));
        }
        Store store = lab.store();
        Optional<Container> c = store.findContainer(CONTAINER);
        if (c.isEmpty()) {
            return Verdict.wrong(4, M.get("log.gone"));
        }
        // Podman says where the log is (k8s-file's default is userdata/ctr.log); journald keeps none on disk.
        String logPath = lab.podman().inspect(CONTAINER).path("LogPath").asText("");
        Path real = logPath.isBlank() ? store.userdataDir(c.get()).resolve(LOG) : Path.of(logPath);
        if (!lab.files().exists(real)) {
            return Verdict.wrong(4, M.get("log.none", store.userdataDir(c.get())));
        }
        return judgeLog(answer, new PathFacts(store.layout(), new Podman(Mode.ROOTLESS).graphRoot(), c.get().id(), c.get().layer(),
                List.of(), real));
    }

    /** Task 4: the answer is {@code overlay-containers/<id>/userdata/ctr.log}; each usual wrong path gets its own direction. */
    static Verdict judgeLog(Object answer, PathFacts facts) {
        if (answer == null || answer.toString().isBlank()) {
            return Verdict.wrong(4, M.get("path.empty"));
        }
        OverlayLayout store = facts.rootful();
        Path given = Path.of(answer.toString().strip()).normalize();
        Path userdata = store.userdataDir(facts.containerId());
        if (given.equals(facts.real())) {
            return Verdict.right(4, M.get("log.ok"), given.toString());
        }
        String file = given.getFileName() == null ? "" : given.getFileName().toString();
        if (!given.isAbsolute()) {
            return Verdict.wrong(4, M.get(file.equals(LOG) ? "log.relative.name" : "path.relative", store.graphRoot()));
        }
        if (given.equals(userdata)) {
            return Verdict.wrong(4, M.get("log.userdata.only"));
        }
        if (given.startsWith(userdata)) {
            return Verdict.wrong(4, M.get(file.equals("config.json") ? "log.config" : "log.other.file"));
        }
        if (given.startsWith(facts.rootlessRoot())) {
            return Verdict.wrong(4, M.get("path.rootless"));
        }
        if (given.startsWith(store.containersDir()) && given.getNameCount() > store.containersDir().getNameCount()) {
            String name = given.getName(store.containersDir().getNameCount()).toString();
            if (name.equals(facts.layer()) || isShortened(name, facts.layer())) {
                return Verdict.wrong(4, M.get("log.layer.id"));
            }
            if (isShortened(name, facts.containerId())) {
                return Verdict.wrong(4, M.get("path.short.id"));
            }
            return Verdict.wrong(4, M.get("log.other.container"));
        }
        if (given.startsWith(store.overlayDir())) {
            return Verdict.wrong(4, M.get("log.layer"));
        }
        if (file.equals(LOG) && given.startsWith("/run")) {
            return Verdict.wrong(4, M.get("log.runroot", store.graphRoot()));
        }
        return Verdict.wrong(4, M.get("log.wrong"));
    }

    /**
     * The container is gone, and so is its layer. Nothing remembers which layer it was (the
     * kernel may have restarted since task 3), so any layer folder the store no longer lists
     * counts: {@code podman rm} removes both at once.
     */
    private static Verdict removed(Capas lab) {
        Store store = lab.store();
        Optional<Container> still = store.findContainer(CONTAINER);
        if (still.isPresent()) {
            return Verdict.wrong(5, M.get(lab.mounts().isOverlay(store.mergedDir(still.get().layer())) ? "removed.still" : "removed.stopped"));
        }
        Set<String> listed = store.layers().stream().map(Layer::id).collect(Collectors.toSet());
        for (DirEntry entry : lab.files().listDir(store.overlayDir())) {
            if (entry.name().matches("[0-9a-f]{64}") && !listed.contains(entry.name())) {
                return Verdict.wrong(5, M.get("removed.layer", entry.name()));
            }
        }
        return Verdict.right(5, M.get("removed.ok"));
    }

    private static Store rootlessStore() {
        return Store.read(Mode.ROOTLESS, new Podman(Mode.ROOTLESS).graphRoot());
    }
}
