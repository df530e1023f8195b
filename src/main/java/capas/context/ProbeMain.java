package capas.context;

import capas.CapasException;
import capas.Messages;
import capas.Mode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar capas.jar probe <mode> <graph-root>}: answers {@link Inspector} requests on
 * stdin/stdout with a {@link LocalInspector}, for as long as stdin stays open.
 */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) throws IOException {
        LocalInspector inspector = new LocalInspector(Mode.valueOf(args[0]), Path.of(args[1]));
        // Replies go to the real stdout only; anything else printed would corrupt the protocol.
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        out.println(ProbeProtocol.READY);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            out.println(ProbeProtocol.JSON.writeValueAsString(answer(inspector, line)));
        }
    }

    static ProbeProtocol.Reply answer(Inspector inspector, String line) {
        try {
            ProbeProtocol.Request request = ProbeProtocol.JSON.readValue(line, ProbeProtocol.Request.class);
            Object value = dispatch(inspector, request.op(), request.args() == null ? List.of() : request.args());
            return new ProbeProtocol.Reply(ProbeProtocol.JSON.valueToTree(value), null, null, null);
        } catch (CapasException e) {
            return new ProbeProtocol.Reply(null, e.kind().name(), e.getMessage(), e.hint());
        } catch (RuntimeException | IOException e) {
            // Never the JVM's English to a student: a Spanish sentence, naming the failure for whoever debugs it.
            return new ProbeProtocol.Reply(null, CapasException.Kind.STORE_UNREADABLE.name(),
                    Messages.of(ProbeMain.class).get("probe.request.failed", e.getClass().getSimpleName()), null);
        }
    }

    private static Object dispatch(Inspector inspector, String op, List<String> a) {
        return switch (op) {
            case "storeIfChanged" -> inspector.storeIfChanged(a.get(0));
            case "locateIn" -> inspector.locate(a.subList(1, a.size()), a.get(0));
            case "changesIn" -> inspector.changes(a);
            case "layerFilesIn" -> inspector.layerFiles(a);
            case "layerSizes" -> inspector.layerSizes(a);
            case "overlayMounts" -> inspector.overlayMounts();
            case "uidMap" -> inspector.uidMap();
            case "gidMap" -> inspector.gidMap();
            case "mountPoints" -> inspector.mountPoints();
            case "namespaces" -> inspector.namespaces();
            case "listDir" -> inspector.listDir(a.get(0));
            case "exists" -> inspector.exists(a.get(0));
            case "isOverlayMount" -> inspector.isOverlayMount(a.get(0));
            case "readFile" -> inspector.readFile(a.get(0), Integer.parseInt(a.get(1)));
            default -> throw new IllegalArgumentException("unknown op " + op);
        };
    }
}
