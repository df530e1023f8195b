package capas.os;

import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Everything one command started, and the one way to stop it: SIGINT, then SIGTERM, then SIGKILL.
 *
 * <p><b>Why this order, and what "like Ctrl-C" means.</b> Measured on Debian 12 (sudo 1.9.13,
 * podman 4.3): in a terminal, Ctrl-C on {@code sudo podman run … sleep 60} does nothing visible.
 * The terminal sends SIGINT to the foreground process group, sudo relays it to podman, podman
 * proxies it to the container, and the container's PID 1 ({@code sleep}) has no handler, so the
 * kernel drops it; a second Ctrl-C, or SIGTERM, fares the same. The terminal waits the full 60 s;
 * only {@code podman stop} (SIGTERM, then SIGKILL) would end it. A Stop button that waits a
 * minute, or that returns at once leaving root's podman and its container running (what plain
 * {@code destroyForcibly} did: the lab user may signal sudo but not root's podman, and sudo cannot
 * relay SIGKILL), is no use to a student. So Stop means what a patient person at a terminal would
 * end up doing: Ctrl-C (SIGINT to the process group, so a program can clean up), then SIGTERM
 * (what {@code podman stop} and a shutdown send first), then SIGKILL to whatever still runs.
 *
 * <p>SIGINT and SIGTERM go to the command's process group, as a terminal's would: sudo, which
 * keeps the lab user as its real uid, accepts them and relays them to its command, and
 * daemons (podman's conmon) are left to their supervisors. SIGKILL goes leaf first, so that a
 * supervisor whose child dies still finishes its own work (conmon records the container's exit
 * and runs podman's clean-up, podman run returns): killing the container's PID 1 is exactly
 * what {@code podman stop} does after its grace period. A member owned by another user (what
 * the command started through sudo) gets its SIGKILL through {@code sudo -n kill}: if the lab
 * user could start it with sudo, it may end it the same way.
 *
 * <p>The tree includes daemons because {@link Launcher} makes the command a child subreaper:
 * conmon, which podman double-forks, would otherwise be adopted by init and never be found.
 * A caveat: rootless podman's pause process, if this very command created it, is such a daemon
 * too and dies in the SIGKILL step; podman starts a new one on its next call.
 */
final class ProcessTree {
    static final int SIGINT = 2;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    private static final int EPERM = 1;
    /** Long enough for a shell trap or a server to shut down; short enough for a student waiting. */
    static final Duration INT_GRACE = Duration.ofMillis(1000);
    static final Duration TERM_GRACE = Duration.ofMillis(2000);
    /**
     * After SIGKILL to the leaves, for their supervisors to finish (conmon's clean-up of a killed
     * container takes about a second); what is still there then (a loop that respawns) is killed whole.
     */
    static final Duration KILL_GRACE = Duration.ofMillis(5000);

    private final ProcessHandle root;
    /** Every process seen in the tree; kept after they are re-parented, which happens as parents die. */
    private final Set<ProcessHandle> members = new LinkedHashSet<>();
    private boolean interruptedWhileStopping;

    ProcessTree(ProcessHandle root) {
        this.root = root;
    }

    /**
     * Stops the tree; returns when every member has ended or, failing that, after the last SIGKILL
     * step. Blocks for at most about 13 s.
     */
    synchronized void stop() {
        try {
            stopInOrder();
        } finally {
            if (interruptedWhileStopping) {
                // A second Stop while stopping: this one finished anyway; the caller keeps its interrupt.
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stopInOrder() {
        refresh();
        OptionalInt group = ownGroup();
        signalForeground(group, SIGINT);
        if (awaitGone(INT_GRACE)) {
            return;
        }
        signalForeground(group, SIGTERM);
        if (awaitGone(TERM_GRACE)) {
            return;
        }
        kill(leaves(), SIGKILL);
        if (awaitGone(KILL_GRACE)) {
            return;
        }
        kill(alive(), SIGKILL);
        awaitGone(KILL_GRACE);
    }

    /** Whether any member still runs (a zombie has ended: only its parent has not collected it). */
    synchronized boolean isAlive() {
        refresh();
        return !alive().isEmpty();
    }

    private void refresh() {
        List<ProcessHandle> seeds = new ArrayList<>();
        seeds.add(root);
        seeds.addAll(members);
        for (ProcessHandle seed : seeds) {
            if (seed.isAlive()) {
                members.add(seed);
                seed.descendants().forEach(members::add);
            }
        }
    }

    private List<ProcessHandle> alive() {
        return members.stream().filter(ProcessTree::running).toList();
    }

    /** Members without a living child; children before parents, so that supervisors can finish. */
    private List<ProcessHandle> leaves() {
        List<ProcessHandle> alive = alive();
        List<ProcessHandle> leaves = new ArrayList<>();
        for (ProcessHandle p : alive) {
            if (p.children().noneMatch(ProcessTree::running)) {
                leaves.add(p);
            }
        }
        return leaves.isEmpty() ? alive : leaves;
    }

    private boolean awaitGone(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            refresh();
            if (alive().isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                interruptedWhileStopping = true;
            }
        }
    }

    /**
     * The process group the root leads (see {@link Launcher}), recognised by its id, the root's
     * pid, even once the root has exited: its group lives on while any member remains in it.
     */
    private OptionalInt ownGroup() {
        List<ProcessHandle> seen = new ArrayList<>(members);
        seen.add(0, root);
        for (ProcessHandle p : seen) {
            if (stat(p.pid()).map(s -> s.group() == root.pid()).orElse(false) && running(p)) {
                return OptionalInt.of((int) root.pid());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * SIGINT or SIGTERM to the foreground: the whole process group, as a terminal does, or, when
     * the command could not be given a group of its own, to each member this user may signal.
     */
    private void signalForeground(OptionalInt group, int signal) {
        if (group.isPresent()) {
            LibC.INSTANCE.kill(-group.getAsInt(), signal);
        } else {
            for (ProcessHandle p : alive()) {
                LibC.INSTANCE.kill((int) p.pid(), signal);
            }
        }
    }

    private static void kill(List<ProcessHandle> processes, int signal) {
        List<String> foreign = new ArrayList<>();
        for (ProcessHandle p : processes) {
            if (LibC.INSTANCE.kill((int) p.pid(), signal) != 0 && Native.getLastError() == EPERM) {
                foreign.add(Long.toString(p.pid()));
            }
        }
        if (!foreign.isEmpty()) {
            killThroughSudo(signal, foreign);
        }
    }

    /** The same way they were started. {@code -n}: never a password prompt, nobody would see it. */
    private static void killThroughSudo(int signal, List<String> pids) {
        List<String> argv = new ArrayList<>(List.of("sudo", "-n", "kill", "-" + signal));
        argv.addAll(pids);
        try {
            Process sudo = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!sudo.waitFor(10, TimeUnit.SECONDS)) {
                sudo.destroyForcibly();
            }
        } catch (IOException e) {
            // No sudo here: then nothing this user started can belong to anyone else.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean running(ProcessHandle p) {
        return p.isAlive() && stat(p.pid()).map(s -> s.state() != 'Z').orElse(false);
    }

    record Stat(char state, long group) {
    }

    /** {@code /proc/<pid>/stat}: state and process group, read after the command name, which may hold anything. */
    static Optional<Stat> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[2])));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
