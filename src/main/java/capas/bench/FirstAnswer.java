package capas.bench;

import capas.Mode;
import capas.lab.Capas;
import capas.store.Container;
import capas.store.Store;

/**
 * Run in a JVM of its own by {@link Bench}: how long a notebook's first question takes, from
 * {@code Capas.rootful()} / {@code Capas.rootless()} to the upper dir of one container, in a
 * process that has asked nothing before (classes, podman's graph root and the probe all cold).
 * Prints the milliseconds on stdout.
 *
 * <pre>java -cp capas.jar capas.bench.FirstAnswer ROOTLESS &lt;container&gt;</pre>
 */
public final class FirstAnswer {
    private FirstAnswer() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Mode mode = Mode.valueOf(args[0]);
        try (Capas lab = mode == Mode.ROOTFUL ? Capas.rootful() : Capas.rootless()) {
            Store s = lab.store();
            Container c = s.container(args[1]);
            String upper = s.diffDir(c.layer()).toString();
            double ms = (System.nanoTime() - start) / 1e6;
            System.out.println(ms + " " + upper);
        }
    }
}
