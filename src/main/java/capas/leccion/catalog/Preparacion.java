package capas.leccion.catalog;

import capas.CapasException;
import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.lab.Capas;
import capas.leccion.Checked;
import capas.leccion.Leccion;
import capas.leccion.LessonCheck;
import capas.leccion.LessonDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 00-preparacion: the notebook answers, the diagnosis lets the lab work, both stores use overlay
 * in folders of their own, and the course image is in both with its three layers.
 */
public final class Preparacion implements LessonDefinition {
    private static final Messages M = Messages.forClass(Preparacion.class);
    /** The layers of the course image {@code ./lab} builds: base system, commands, web page. */
    private static final int COURSE_IMAGE_LAYERS = 3;
    private static final String ROOTFUL = "rootful";

    @Override
    public String id() {
        return "00";
    }

    @Override
    public Mode mode() {
        return Mode.ROOTLESS;
    }

    @Override
    public Map<String, LessonCheck> checks() {
        Map<String, LessonCheck> checks = new LinkedHashMap<>();
        checks.put("cuaderno", (lesson, data) -> notebook(lesson.lab(), data));
        checks.put("diagnostico", (lesson, data) -> diagnosis(data));
        checks.put("almacenes", (lesson, data) -> stores(lesson.lab(), rootful(lesson)));
        checks.put("imagen", (lesson, data) -> image(lesson.lab(), rootful(lesson)));
        return checks;
    }

    @Override
    public String title(String check) {
        return M.get("title." + check);
    }

    /** data: the greeting the first Java cell made. */
    private static List<Checked> notebook(Capas lab, List<Object> data) {
        String greeting = data.isEmpty() ? "" : String.valueOf(data.get(0));
        List<Checked> items = new ArrayList<>();
        items.add(Checked.claim(greeting.startsWith("Hola desde Java"), M.get("claim.java"), greeting));
        try {
            lab.store().container("no-existe");
            items.add(Checked.claim(false, M.get("claim.error"), M.get("evidence.error.none")));
        } catch (CapasException e) {
            items.add(Checked.claim(e.kind() == CapasException.Kind.UNKNOWN_CONTAINER, M.get("claim.error"),
                    e.getMessage().lines().findFirst().orElse("")));
        }
        return items;
    }

    /** data: whether the diagnosis lets the lab work, and its one-line summary (the doctor is not this package's to call). */
    private static List<Checked> diagnosis(List<Object> data) {
        boolean works = !data.isEmpty() && Boolean.TRUE.equals(data.get(0));
        String summary = data.size() > 1 ? String.valueOf(data.get(1)) : "";
        return List.of(Checked.claim(works, M.get(works ? "claim.diagnosis" : "claim.diagnosis.fix"), summary));
    }

    /** The rootful store, opened once a kernel: each opening starts a probe through sudo. */
    private static Capas rootful(Leccion lesson) {
        return lesson.kept(ROOTFUL, Capas.class).orElseGet(() -> {
            Capas rootful = Capas.rootful();
            lesson.keep(ROOTFUL, rootful);
            return rootful;
        });
    }

    private static List<Checked> stores(Capas rootless, Capas rootful) {
        List<Checked> items = new ArrayList<>();
        for (Capas store : List.of(rootless, rootful)) {
            String driver = store.podman().command("info", "--format", "{{.Store.GraphDriverName}}").out().strip();
            items.add(Checked.claim(driver.equals("overlay"), M.get("claim.overlay", name(store)),
                    M.get("evidence.driver", driver, store.graphRoot())));
        }
        items.add(Checked.claim(!rootless.graphRoot().equals(rootful.graphRoot()), M.get("claim.apart"),
                rootless.graphRoot() + "  ≠  " + rootful.graphRoot()));
        return items;
    }

    private static List<Checked> image(Capas rootless, Capas rootful) {
        String image = Env.image();
        List<Checked> items = new ArrayList<>();
        for (Capas store : List.of(rootless, rootful)) {
            int layers = store.layers().imageLayerIds(image).size();
            // Another image (CAPAS_IMAGE) may have any number of layers: only being there is checked then.
            boolean holds = !image.equals(Env.DEFAULT_IMAGE) || layers == COURSE_IMAGE_LAYERS;
            items.add(Checked.claim(holds, M.get("claim.image", image, name(store), layers), ""));
        }
        return items;
    }

    private static String name(Capas store) {
        return store.mode().name().toLowerCase(Locale.ROOT);
    }
}
