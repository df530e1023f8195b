package capas.context;

import capas.CapasException;
import capas.Messages;
import capas.os.Command;
import capas.os.Running;
import capas.store.Change;
import capas.store.IdMap;
import capas.store.LayerFiles;
import capas.store.Location;
import capas.Mode;
import capas.store.OverlayMount;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link LocalInspector} in another context: the same jar, started once as a probe behind
 * {@code sudo -n} (the rootful store) or {@code podman unshare} (the rootless namespace), kept
 * alive between calls so a lookup costs one round trip, and restarted if it dies.
 */
public final class ProbeInspector implements Inspector {
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

    public ProbeInspector(Context context, Mode mode, Path graphRoot) {
        this.context = context;
        this.mode = mode;
        this.graphRoot = graphRoot;
    }

    @Override
    public List<OverlayMount> overlayMounts() {
        return call("overlayMounts", new TypeReference<List<OverlayMount>>() { });
    }

    @Override
    public IdMap uidMap() {
        return call("uidMap", IdMap.class);
    }

    @Override
    public List<DirEntry> listDir(String hostPath) {
        return call("listDir", new TypeReference<List<DirEntry>>() { }, hostPath);
    }

    @Override
    public boolean isOverlayMount(String hostPath) {
        return call("isOverlayMount", Boolean.class, hostPath);
    }

    @Override
    public boolean exists(String hostPath) {
        return call("exists", Boolean.class, hostPath);
    }

    @Override
    public String readFile(String hostPath, int maxBytes) {
        return call("readFile", String.class, hostPath, String.valueOf(maxBytes));
    }

    private <T> T call(String op, Class<T> type, String... args) {
        return call(op, ProbeProtocol.JSON.getTypeFactory().constructType(type), args);
    }

    private <T> T call(String op, TypeReference<T> type, String... args) {
        return call(op, ProbeProtocol.JSON.getTypeFactory().constructType(type), args);
    }

    private synchronized <T> T call(String op, JavaType type, String... args) {
        String line;
        try {
            line = ProbeProtocol.JSON.writeValueAsString(new ProbeProtocol.Request(op, Arrays.asList(args)));
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
                ProbeProtocol.Reply reply = ProbeProtocol.JSON.readValue(answer, ProbeProtocol.Reply.class);
                if (reply.error() != null) {
                    throw new CapasException(CapasException.Kind.valueOf(reply.kind()), reply.error(), reply.hint());
                }
                return reply.value() == null || reply.value().isNull() ? null : ProbeProtocol.JSON.convertValue(reply.value(), type);
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

    // Delegations for the operations the Inspector interface gained with store versions and gid maps.

    @Override
    public capas.store.VersionedStore storeIfChanged(String knownVersion) {
        return call("storeIfChanged", capas.store.VersionedStore.class, knownVersion == null ? "" : knownVersion);
    }

    @Override
    public Location locate(List<String> layerIds, String path) {
        List<String> args = new ArrayList<>(List.of(path));
        args.addAll(layerIds);
        return call("locateIn", Location.class, args.toArray(String[]::new));
    }

    @Override
    public List<Change> changes(List<String> layerIds) {
        return call("changesIn", new TypeReference<List<Change>>() { }, layerIds.toArray(String[]::new));
    }

    @Override
    public LayerFiles layerFiles(List<String> layerIds) {
        return call("layerFilesIn", LayerFiles.class, layerIds.toArray(String[]::new));
    }

    @Override
    public Map<String, Long> layerSizes(List<String> layerIds) {
        return call("layerSizes", new TypeReference<Map<String, Long>>() { }, layerIds.toArray(String[]::new));
    }

    @Override
    public IdMap gidMap() {
        return call("gidMap", IdMap.class);
    }

    @Override
    public List<MountPoint> mountPoints() {
        return call("mountPoints", new TypeReference<List<MountPoint>>() { });
    }

    @Override
    public NamespaceIds namespaces() {
        return call("namespaces", NamespaceIds.class);
    }
}
