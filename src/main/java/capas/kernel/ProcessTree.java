package capas.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and everything it started, politely first: SIGTERM lets {@code podman} and
 * {@code sudo} clean up (sudo passes it on to its child), SIGKILL follows for what ignores it.
 */
final class ProcessTree {
    private static final long GRACE_MILLIS = 1500;

    private ProcessTree() {
    }

    static void kill(ProcessHandle root) {
        List<ProcessHandle> tree = members(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // Still alive: it gets SIGKILL below.
                }
            }
        }
        // Collect again: a dying parent may have started children meanwhile.
        for (ProcessHandle process : tree) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static List<ProcessHandle> members(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        // Children first, so a parent cannot respawn them before it is told to stop.
        root.descendants().forEach(tree::add);
        java.util.Collections.reverse(tree);
        tree.add(root);
        return tree;
    }
}
