package capas.lab;

import capas.Env;
import capas.Messages;
import capas.store.Mode;
import java.util.Locale;
import java.util.Map;

/** What one práctica knows: which store it works on, where it starts from, and its checks. */
interface Exercise {
    /** The store the práctica's tasks use. */
    Mode mode();

    /**
     * Creates what the práctica starts from, through {@code lab}'s podman (so it carries the
     * práctica's labels), replacing what an earlier run left.
     *
     * @return one Spanish sentence for the student: what was made
     */
    String prepare(Capas lab);

    /** The usual start: a lab container from the course image, replacing an earlier run's. */
    static String runFromCourseImage(Capas lab, String container) {
        lab.podman().run(container, Env.image());
        return Messages.of(Exercise.class).get("practica.prepare.running", container, lab.mode().name().toLowerCase(Locale.ROOT),
                lab.container(container).layer());
    }

    /** The práctica's checks, by task number; they may share what earlier checks saw. */
    Map<Integer, Task> tasks(Capas lab);
}
