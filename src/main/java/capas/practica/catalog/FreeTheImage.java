package capas.practica.catalog;

import capas.lab.Capas;
import capas.os.TempDir;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;

import capas.CapasException;
import capas.Env;
import capas.Labels;
import capas.Messages;
import capas.store.Container;
import capas.store.Image;
import capas.store.Layer;
import capas.Mode;
import capas.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Práctica 5, "Liberar una imagen": the lab builds an image of its own on top of the course
 * image and starts two containers from it (one running, one only created) and a neighbour from
 * the course image. The student says which containers keep {@code podman rmi} from removing
 * the image, then frees and removes it without touching any container that did not use it.
 */
public final class FreeTheImage implements PracticaDefinition {
    static final String ID = "p5-liberar-una-imagen";
    static final String IMAGE = Labels.lessonImage("p5", "web");
    static final String RUNNING = "p5-web";
    static final String STOPPED = "p5-parado";
    static final String NEIGHBOUR = "p5-vecino";
    private static final Messages M = Messages.forClass(FreeTheImage.class);

    /**
     * Labels on the neighbour recording what the preparation saw, so that the last check can
     * tell what the student removed even from a restarted kernel: the other containers
     * ({@code name:id,…}), the image's own layer and the layers it shares.
     */
    static final String OTHERS_LABEL = "capas.p5.otros";
    static final String OWN_LAYER_LABEL = "capas.p5.capa";
    static final String SHARED_LABEL = "capas.p5.compartidas";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTFUL;
    }

    @Override
    public String prepare(Capas lab) {
        for (String name : List.of(RUNNING, STOPPED, NEIGHBOUR)) {
            lab.podman().removeIfLab(name);
        }
        if (lab.store().findImage(IMAGE).isPresent()) {
            try {
                // Rebuilding over it would leave the old one behind, nameless: no label reset finds it.
                lab.podman().rmi(IMAGE);
            } catch (CapasException e) {
                if (e.kind() != CapasException.Kind.IMAGE_IN_USE) {
                    throw e;
                }
                // Someone else's container still uses it: the new build just takes the name.
            }
        }
        try (TempDir context = context()) {
            lab.podman().build(IMAGE, context.path());
        }
        lab.podman().run(RUNNING, IMAGE);
        lab.podman().create(STOPPED, IMAGE);
        Store store = lab.store();
        Image image = store.image(IMAGE);
        String ownLayer = image.topLayer();
        String shared = store.imageLayers(image).stream().map(Layer::id).filter(id -> !id.equals(ownLayer)).collect(Collectors.joining(","));
        String others = store.containers().stream().filter(c -> !c.imageId().equals(image.id()))
                .map(c -> c.name() + ":" + c.id()).collect(Collectors.joining(","));
        lab.podman().run(NEIGHBOUR, Env.image(), Map.of(OTHERS_LABEL, others, OWN_LAYER_LABEL, ownLayer, SHARED_LABEL, shared));
        return M.get("prepare", IMAGE, RUNNING, STOPPED, NEIGHBOUR, Env.image());
    }

    /** The recipe of the práctica's image: the course image plus a page of its own (one more layer). */
    private static TempDir context() {
        TempDir dir = TempDir.create("capas-p5-");
        try {
            Files.writeString(dir.path().resolve("Containerfile"), "FROM " + Env.image() + "\nCOPY portada.html /var/www/index.html\n");
            Files.writeString(dir.path().resolve("portada.html"), "<h1>Práctica 5</h1>\n");
            return dir;
        } catch (IOException e) {
            dir.close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, answer -> blockers(lab, answer));
        tasks.put(2, answer -> freed(lab));
        return tasks;
    }

    private static Verdict blockers(Capas lab, Object answer) {
        Store store = lab.store();
        Optional<Image> image = store.findImage(IMAGE);
        if (image.isEmpty()) {
            return Verdict.wrong(1, M.get("image.gone", IMAGE));
        }
        Map<String, Boolean> users = new TreeMap<>();
        for (Container c : usersOf(store, image.get())) {
            users.put(c.name(), lab.mounts().isOverlay(store.mergedDir(c.layer())));
        }
        Set<String> existing = store.containers().stream().flatMap(c -> c.names().stream()).collect(Collectors.toSet());
        return judgeBlockers(names(answer), users, existing);
    }

    /**
     * Judges the containers the student says keep the image in use, against those that do
     * (name → running) and those that exist at all.
     */
    static Verdict judgeBlockers(Set<String> given, Map<String, Boolean> users, Set<String> existing) {
        if (given.isEmpty()) {
            return Verdict.wrong(1, M.get("blockers.empty"));
        }
        List<String> unknown = given.stream().filter(n -> !existing.contains(n)).toList();
        if (!unknown.isEmpty()) {
            return Verdict.wrong(1, M.get("blockers.unknown", String.join(", ", unknown)));
        }
        List<String> extra = given.stream().filter(n -> !users.containsKey(n)).toList();
        if (!extra.isEmpty()) {
            return Verdict.wrong(1, M.get("blockers.extra", String.join(", ", extra)));
        }
        List<String> missingStopped = users.entrySet().stream().filter(e -> !given.contains(e.getKey()) && !e.getValue()).map(Map.Entry::getKey).toList();
        if (!missingStopped.isEmpty()) {
            return Verdict.wrong(1, M.get("blockers.missing.stopped", String.join(", ", missingStopped)));
        }
        List<String> missing = users.keySet().stream().filter(n -> !given.contains(n)).toList();
        if (!missing.isEmpty()) {
            return Verdict.wrong(1, M.get("blockers.missing", String.join(", ", missing)));
        }
        String[] details = users.entrySet().stream()
                .map(e -> e.getKey() + " · " + M.get(e.getValue() ? "running" : "stopped")).toArray(String[]::new);
        return Verdict.right(1, M.get("blockers.ok"), details);
    }

    private static Verdict freed(Capas lab) {
        Map<String, String> record = lab.podman().labels(NEIGHBOUR);
        if (!record.containsKey(OTHERS_LABEL)) {
            return Verdict.wrong(2, M.get("free.neighbour.gone", NEIGHBOUR));
        }
        Store store = lab.store();
        Set<String> ids = store.containers().stream().map(Container::id).collect(Collectors.toSet());
        List<String> removedOthers = new ArrayList<>();
        for (String other : record.get(OTHERS_LABEL).split(",")) {
            int colon = other.lastIndexOf(':');
            if (colon > 0 && !ids.contains(other.substring(colon + 1))) {
                removedOthers.add(other.substring(0, colon));
            }
        }
        if (!removedOthers.isEmpty()) {
            return Verdict.wrong(2, M.get("free.others", String.join(", ", removedOthers)));
        }
        Optional<Image> image = store.findImage(IMAGE);
        if (image.isPresent()) {
            List<String> users = usersOf(store, image.get()).stream().map(Container::name).sorted().toList();
            return Verdict.wrong(2, users.isEmpty() ? M.get("free.not.removed", IMAGE)
                    : M.get(users.size() == 1 ? "free.still.used" : "free.still.used.many", spanishList(users)));
        }
        String ownLayer = record.get(OWN_LAYER_LABEL);
        List<String> sharedLayers = List.of(record.getOrDefault(SHARED_LABEL, "").split(",")).stream().filter(l -> !l.isEmpty()).toList();
        long kept = sharedLayers.stream().filter(id -> lab.files().exists(store.layerDir(id))).count();
        return Verdict.right(2, M.get("free.ok"),
                M.get(lab.files().exists(store.layerDir(ownLayer)) ? "free.own.layer.kept" : "free.own.layer.gone", ownLayer),
                M.get("free.shared", String.valueOf(kept), String.valueOf(sharedLayers.size()), Env.image()));
    }

    /** "a", "a y b", "a, b y c". */
    static String spanishList(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " y " + items.get(items.size() - 1);
    }

    private static List<Container> usersOf(Store store, Image image) {
        return store.containers().stream().filter(c -> c.imageId().equals(image.id())).toList();
    }

    /** Container names as the student may give them: a list, or one text with spaces or commas. */
    static Set<String> names(Object answer) {
        Collection<?> items = answer instanceof Collection<?> c ? c
                : answer instanceof Object[] a ? Arrays.asList(a)
                : answer == null ? List.of() : List.of(answer.toString());
        Set<String> names = new LinkedHashSet<>();
        for (Object item : items) {
            for (String name : String.valueOf(item).split("[\\s,]+")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }
}
