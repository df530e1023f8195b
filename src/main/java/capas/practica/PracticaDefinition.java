package capas.practica;

import capas.Env;
import capas.Messages;
import capas.Mode;
import capas.lab.Capas;
import java.util.Locale;
import java.util.Map;

/**
 * What one práctica knows: its id (the name of its notebook in {@code labs/}), which store it
 * works on, where it starts from, and its checks. Its Spanish (feedback, hints
 * {@code t<n>.pista.<k>}, solutions {@code t<n>.solucion}) lives in a bundle named after the
 * class, beside it.
 *
 * <p>Checks must judge the store as it is now: whatever the preparation needs to remember is
 * put in the store (labels) or derived again, so that a restarted kernel judges the same way.
 */
public interface PracticaDefinition {
    /** The notebook's name without {@code .ipynb}, e.g. {@code p3-donde-esta-tu-fichero}. */
    String id();

    /** The store the práctica's tasks use. */
    Mode mode();

    /**
     * Creates what the práctica starts from, through {@code lab}'s podman (so it carries the
     * práctica's labels), replacing what an earlier run left.
     *
     * @return one Spanish sentence for the student: what was made
     */
    String prepare(Capas lab);

    /** The práctica's checks, by task number. */
    Map<Integer, Task> tasks(Capas lab);

    /** The usual start: a lab container from the course image, replacing an earlier run's. */
    static String runFromCourseImage(Capas lab, String container) {
        lab.podman().run(container, Env.image());
        return Messages.of(PracticaDefinition.class).get("practica.prepare.running", container,
                lab.mode().name().toLowerCase(Locale.ROOT), lab.store().container(container).layer());
    }
}
