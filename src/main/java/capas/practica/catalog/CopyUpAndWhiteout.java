package capas.practica.catalog;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.lab.Capas;
import capas.podman.Podman;
import capas.practica.Answers;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;
import capas.store.Container;
import capas.store.Layer;
import capas.store.Location;
import capas.store.Store;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Práctica 4, "Copias hacia arriba y marcas de borrado": say which image layer provides a
 * file; predict which layer will hold a file of the image once the container changes it, then
 * change it (copy-up into the container layer); predict what deleting a file of the image
 * leaves in the container layer, then delete it (a whiteout hides it). Every check asks the
 * rootful store where it serves the path from; layer ids are never compared across stores
 * (the rootless course image is another build, with other ids).
 */
public final class CopyUpAndWhiteout implements PracticaDefinition {
    static final String ID = "p4-copias-y-whiteouts";
    static final String CONTAINER = "capas-p4";
    static final String BUSYBOX = "/bin/busybox";
    static final String PASSWD = "/etc/passwd";
    static final String PAGE = "/var/www/index.html";
    /** The right choice of task 4: a character device 0:0, the whiteout. */
    static final String WHITEOUT_CHOICE = "c";
    private static final Messages M = Messages.forClass(CopyUpAndWhiteout.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTFUL;
    }

    /** Not {@link PracticaDefinition#runFromCourseImage}: its sentence names the container layer, the answer to task 2. */
    @Override
    public String prepare(Capas lab) {
        lab.podman().run(CONTAINER, Env.image());
        return M.get("prepare", CONTAINER, Env.image());
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, answer -> layerOfBusybox(lab, answer));
        tasks.put(2, answer -> copyUpPrediction(lab, answer));
        tasks.put(3, answer -> copiedUp(lab));
        tasks.put(4, answer -> whiteoutPrediction(answer));
        tasks.put(5, answer -> whitedOut(lab));
        return tasks;
    }

    private static Verdict layerOfBusybox(Capas lab, Object answer) {
        Optional<String> given = Answers.idPrefix(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(1, M.get("id.format"));
        }
        String g = given.get();
        Container c = lab.store().container(CONTAINER);
        Location where = lab.layers().locate(CONTAINER, BUSYBOX);
        if (Answers.names(g, where.layerId())) {
            return Verdict.right(1, M.get("layer.ok"), where.hostPath());
        }
        if (Answers.names(g, c.layer())) {
            return Verdict.wrong(1, M.get("layer.container"));
        }
        if (lab.layers().imageLayerIds(c.imageId()).stream().anyMatch(l -> Answers.names(g, l))) {
            return Verdict.wrong(1, M.get("layer.other"));
        }
        return Verdict.wrong(1, otherId(lab, c, g));
    }

    /** Task 2: before changing /etc/passwd, which layer will hold the changed file? The container's. */
    private static Verdict copyUpPrediction(Capas lab, Object answer) {
        Optional<String> given = Answers.idPrefix(answer);
        if (given.isEmpty()) {
            return Verdict.wrong(2, M.get("id.format"));
        }
        String g = given.get();
        Container c = lab.store().container(CONTAINER);
        if (Answers.names(g, c.layer())) {
            return Verdict.right(2, M.get("predict.copy.ok"));
        }
        Optional<String> original = imageLayerWith(lab, c, PASSWD);
        if (original.isPresent() && Answers.names(g, original.get())) {
            return Verdict.wrong(2, M.get("predict.copy.image.layer"));
        }
        if (lab.layers().imageLayerIds(c.imageId()).stream().anyMatch(l -> Answers.names(g, l))) {
            return Verdict.wrong(2, M.get("predict.copy.other.layer"));
        }
        return Verdict.wrong(2, otherId(lab, c, g));
    }

    /** What else an id the student gave may be: the container's, the image's, a rootless layer… */
    private static String otherId(Capas lab, Container c, String given) {
        if (Answers.names(given, c.id())) {
            return M.get("id.container");
        }
        if (Answers.names(given, c.imageId())) {
            return M.get("id.image");
        }
        if (inRootlessStore(given)) {
            return M.get("id.rootless");
        }
        return M.get("id.unknown", CONTAINER);
    }

    /**
     * Whether {@code given} is a layer of the student's rootless store: an id read without
     * sudo. Only to explain the mistake: the two stores' course images are separate builds, so
     * no id of one is ever taken for the other's.
     */
    private static boolean inRootlessStore(String given) {
        try {
            Store rootless = Store.read(Mode.ROOTLESS, new Podman(Mode.ROOTLESS).graphRoot());
            return rootless.layers().stream().map(Layer::id).anyMatch(l -> Answers.names(given, l));
        } catch (CapasException | java.io.UncheckedIOException e) {
            return false; // no rootless store to read: the id is just unknown
        }
    }

    /** The image layer that has {@code path} in its diff, from the top down (the one the container sees). */
    private static Optional<String> imageLayerWith(Capas lab, Container c, String path) {
        Store store = lab.store();
        for (String layer : lab.layers().imageLayerIds(c.imageId())) {
            if (lab.files().exists(store.diffDir(layer).resolve(path.substring(1)))) {
                return Optional.of(layer);
            }
        }
        return Optional.empty();
    }

    private static Verdict copiedUp(Capas lab) {
        Location passwd = lab.layers().locate(CONTAINER, PASSWD);
        if (!passwd.inContainerLayer()) {
            return Verdict.wrong(3, M.get("copy.not.yet"), passwd.hostPath());
        }
        // The image's copy must still be there, untouched, in the image layer that brought it.
        Container c = lab.store().container(CONTAINER);
        Optional<String> original = imageLayerWith(lab, c, PASSWD);
        if (original.isEmpty()) {
            return Verdict.wrong(3, M.get("copy.no.original"));
        }
        Path originalPath = lab.store().diffDir(original.get()).resolve(PASSWD.substring(1));
        return Verdict.right(3, M.get("copy.ok"), M.get("copy.copy", passwd.hostPath()), M.get("copy.original", originalPath));
    }

    /** Task 4: before deleting /var/www/index.html, what will the container layer hold? A whiteout. */
    static Verdict whiteoutPrediction(Object answer) {
        String given = answer == null ? "" : answer.toString().strip().toLowerCase(Locale.ROOT).replaceAll("[).\\s]+$", "");
        if (!given.matches("[a-e]")) {
            return Verdict.wrong(4, M.get("predict.whiteout.format"));
        }
        if (given.equals(WHITEOUT_CHOICE)) {
            return Verdict.right(4, M.get("predict.whiteout.ok"));
        }
        return Verdict.wrong(4, M.get("predict.whiteout." + given));
    }

    private static Verdict whitedOut(Capas lab) {
        Location page = lab.layers().locate(CONTAINER, PAGE);
        if (page.state() == Location.State.PRESENT) {
            return Verdict.wrong(5, M.get("whiteout.not.yet"), page.hostPath());
        }
        if (page.state() != Location.State.DELETED || !page.inContainerLayer()) {
            return Verdict.wrong(5, M.get("whiteout.odd"));
        }
        Container c = lab.store().container(CONTAINER);
        Optional<String> original = imageLayerWith(lab, c, PAGE);
        return original.isEmpty()
                ? Verdict.right(5, M.get("whiteout.ok"), M.get("whiteout.mark", page.hostPath()))
                : Verdict.right(5, M.get("whiteout.ok"), M.get("whiteout.mark", page.hostPath()),
                        M.get("copy.original", lab.store().diffDir(original.get()).resolve(PAGE.substring(1))));
    }
}
