package capas.context;

import capas.CapasException;
import capas.Messages;
import capas.os.Command;
import capas.os.Running;
import capas.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link LocalInspector} in another context: the same jar, started once as a probe behind
 * {@code sudo -n} (the rootful store) or {@code podman unshare} (the rootless namespace), kept
 * alive between calls so a lookup costs one round trip, and restarted if it dies.
 *
 * <p>The {@link Inspector} it gives is a proxy: each call of an {@link Inspector} method becomes
 * the request {@link ProbeProtocol} derives from that method, so an operation added to the
 * interface reaches the probe with no code here.
 */
public final class ProbeInspector implements ProbeProtocol.Wire {
    private static final Messages M = Messages.of(ProbeInspector.class);

    /** How to enter the other context. */
    public enum Context {
        SUDO("sudo", "-n"),
        UNSHARE("podman", "unshare");

        private final List<String> prefix;

        Context(String... prefix) {
            this.prefix = List.of(prefix);
        }
    }

    private final Context context;
    private final Mode mode;
    private final Path graphRoot;
    private Running process;
    /** Why the previous probe ended, until a new one has answered: then the cell says so. */
    private String lost;
    private BufferedReader replies;
    private Writer requests;

    private ProbeInspector(Context context, Mode mode, Path graphRoot) {
        this.context = context;
        this.mode = mode;
        this.graphRoot = graphRoot;
    }

    /** An inspector whose questions a probe answers in {@code context}, started at the first question. */
    public static Inspector of(Context context, Mode mode, Path graphRoot) {
        return client(new ProbeInspector(context, mode, graphRoot));
    }

    /** An {@link Inspector} that asks every question over {@code wire}; closing it closes the wire. */
    static Inspector client(ProbeProtocol.Wire wire) {
        return (Inspector) Proxy.newProxyInstance(Inspector.class.getClassLoader(), new Class<?>[] {Inspector.class}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Inspector via " + wire;
                };
            }
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                wire.close();   // the only method of Inspector that is not a question
                return null;
            }
            ProbeProtocol.Reply reply = wire.ask(ProbeProtocol.request(method, args));
            if (reply.error() != null) {
                throw new CapasException(CapasException.Kind.valueOf(reply.kind()), reply.error(), reply.hint());
            }
            return ProbeProtocol.value(method, reply.value());
        });
    }

    @Override
    public String toString() {
        return String.join(" ", context.prefix) + " " + mode + " " + graphRoot;
    }

    @Override
    public synchronized ProbeProtocol.Reply ask(ProbeProtocol.Request request) {
        String line;
        try {
            line = ProbeProtocol.JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // One retry: a probe that died (killed, or the machine's sudo timestamp policy) is started again.
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt == 1 && process != null && !process.isAlive()) {
                    lost = stop();   // died between two questions: the same story as dying during one
                    lost = lost.isBlank() ? M.get("probe.lost.between") : lost;
                }
                ensureStarted();
                requests.write(line + "\n");
                requests.flush();
                String answer = replies.readLine();
                if (answer == null) {
                    throw new IOException("probe closed its output");
                }
                if (lost != null) {
                    // A new probe answered (it only reads, so asking again is safe); the student should still know that
                    // something on the machine stopped the old one, and why this cell took longer.
                    System.err.println(M.get("probe.restarted", String.join(" ", context.prefix), lost));
                    lost = null;
                }
                return ProbeProtocol.JSON.readValue(answer, ProbeProtocol.Reply.class);
            } catch (IOException e) {
                String why = stop();
                // What the probe said last, if anything: a probe killed by a signal says nothing, and Java's own words are English.
                lost = why.isBlank() ? M.get("probe.lost.during") : why;
                if (attempt >= 2) {
                    String said = lost;
                    lost = null;
                    throw new CapasException(CapasException.Kind.PROBE_DIED, M.get("probe.died", String.join(" ", context.prefix), said),
                            M.get("probe.died.hint"), e);
                }
            }
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(context.prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A probe does little work: start it like a tool, not a server.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                ProbeMain.class.getName(), mode.name(), graphRoot.toString()));
        try {
            // Lives as long as this inspector: no timeout; close() or a dead probe ends it.
            process = Command.of(command).withTimeout(null).startLongLived();
        } catch (IOException e) {
            throw new CapasException(context == Context.SUDO ? CapasException.Kind.SUDO_PASSWORD : CapasException.Kind.PODMAN_MISSING,
                    context == Context.SUDO ? M.get("sudo.denied", e.getMessage()) : M.get("podman.missing"),
                    context == Context.SUDO ? M.get("sudo.denied.hint") : M.get("podman.missing.hint"), e);
        }
        replies = new BufferedReader(new InputStreamReader(process.stdout(), StandardCharsets.UTF_8));
        requests = new OutputStreamWriter(process.stdin(), StandardCharsets.UTF_8);
        String first = replies.readLine();
        if (!ProbeProtocol.READY.equals(first)) {
            String why = stop();
            throw context == Context.SUDO
                    ? new CapasException(CapasException.Kind.SUDO_PASSWORD, M.get("sudo.denied", why), M.get("sudo.denied.hint"))
                    : new CapasException(CapasException.Kind.PROBE_DIED, M.get("unshare.failed", why), M.get("unshare.failed.hint"));
        }
    }

    /**
     * Stops the probe and returns the last thing it said on stderr (why it failed): closing its
     * stdin ends a healthy probe; one that does not end is stopped like any command.
     */
    private String stop() {
        if (process == null) {
            return "";
        }
        Running p = process;
        process = null;
        p.close();
        List<String> lines = p.errors().strip().lines().filter(l -> !l.contains("is not a shared mount")).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
