package capas.cli;

import capas.CapasException;
import capas.Env;
import capas.Labels;
import capas.Messages;
import capas.Mode;
import capas.os.CommandResult;
import capas.podman.Podman;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./lab limpiar [--todo | <lección>]}: removes what the lab created, in both stores, and
 * nothing else. Containers go with {@code rm -f}; images never with {@code rmi -f}, which would
 * also remove containers someone else made from them: an image still in use stays, with a warning.
 */
public final class LimpiarCommand {
    private static final Messages M = Messages.of(LimpiarCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LimpiarCommand() {
    }

    static int run(String[] args) {
        if (args.length > 1) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("limpiar.usage"));
        }
        String lesson = null;
        boolean images = false;
        if (args.length == 1 && args[0].equals("--todo")) {
            images = true;
        } else if (args.length == 1) {
            List<String> catalogue = Lessons.ofCheckout();
            String given = args[0];
            lesson = Lessons.find(given, catalogue).orElseThrow(() -> new CapasException(CapasException.Kind.ENVIRONMENT,
                    M.get("limpiar.unknown", given), M.get("limpiar.unknown.hint", String.join(" ", catalogue))));
            images = true;
        }
        Console.step(lesson == null
                ? M.get("limpiar.step.all", Labels.LAB)
                : M.get("limpiar.step.lesson", lesson, Labels.LAB, Labels.LESSON));
        clean(new Podman(Mode.ROOTLESS), lesson, images);
        try {
            clean(new Podman(Mode.ROOTFUL), lesson, images);
        } catch (CapasException e) {
            if (!Stores.noSudo(e)) {
                throw e;
            }
            Console.warn(M.get("limpiar.no.sudo"));
        }
        return 0;
    }

    /**
     * {@code ./lab limpiar <lección>} without a new JVM: what a test that runs every variant of
     * a práctica in one kernel does between variants, as strong as the instructor's reset.
     */
    public static void lesson(String lesson) {
        run(new String[] {lesson});
    }

    private static void clean(Podman podman, String lesson, boolean withImages) {
        String where = Stores.where(podman);
        List<String> ids = Cleanup.containers(containers(listed(podman, "ps", "-a", "--format", "json")), lesson);
        if (ids.isEmpty()) {
            Console.done(M.get("limpiar.no.containers", where));
        } else {
            List<String> rm = new ArrayList<>(List.of("rm", "-f", "-t", "0"));
            rm.addAll(ids);
            CommandResult result = podman.command(rm.toArray(String[]::new));
            if (!result.ok()) {
                throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("limpiar.rm.failed", where, result.firstLine()));
            }
            Console.done(M.get("limpiar.containers", where, ids.size()));
        }
        if (!withImages) {
            return;
        }
        int removed = 0;
        List<String> kept = new ArrayList<>();
        for (String name : Cleanup.images(images(listed(podman, "images", "--format", "json")), lesson, Env.image())) {
            if (podman.command("rmi", name).ok()) {
                removed++;
            } else {
                kept.add(name);
            }
        }
        Console.done(M.get("limpiar.images", where, removed));
        if (!kept.isEmpty()) {
            Console.warn(M.get("limpiar.kept", where, String.join(" ", kept)));
        }
    }

    private static JsonNode listed(Podman podman, String... args) {
        CommandResult result = podman.listing(args);
        if (!result.ok()) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED,
                    M.get("limpiar.list.failed", Stores.where(podman), result.firstLine()), "podman " + String.join(" ", args));
        }
        try {
            return JSON.readTree(result.out().isBlank() ? "[]" : result.out());
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED,
                    M.get("limpiar.list.failed", Stores.where(podman), e.getMessage()));
        }
    }

    /** The containers of {@code podman ps -a --format json}. */
    static List<Cleanup.Container> containers(JsonNode listed) {
        List<Cleanup.Container> containers = new ArrayList<>();
        for (JsonNode c : listed) {
            containers.add(new Cleanup.Container(c.path("Id").asText(), strings(c.path("Names")), labels(c.path("Labels"))));
        }
        return containers;
    }

    /** The images of {@code podman images --format json}. */
    static List<Cleanup.Image> images(JsonNode listed) {
        List<Cleanup.Image> images = new ArrayList<>();
        for (JsonNode i : listed) {
            images.add(new Cleanup.Image(i.path("Id").asText(), strings(i.path("Names")), labels(i.path("Labels"))));
        }
        return images;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new TreeMap<>();
        object.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
