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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

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
            Method op = ProbeProtocol.operation(request);
            Object value = invoke(inspector, op, ProbeProtocol.arguments(op, request));
            return new ProbeProtocol.Reply(ProbeProtocol.JSON.valueToTree(value), null, null, null);
        } catch (CapasException e) {
            return new ProbeProtocol.Reply(null, e.kind().name(), e.getMessage(), e.hint());
        } catch (RuntimeException | IOException e) {
            // Never the JVM's English to a student: a Spanish sentence, naming the failure for whoever debugs it.
            return new ProbeProtocol.Reply(null, CapasException.Kind.STORE_UNREADABLE.name(),
                    Messages.of(ProbeMain.class).get("probe.request.failed", e.getClass().getSimpleName()), null);
        }
    }

    /** {@code op} on {@code inspector}, throwing what the operation threw (not reflection's wrapper). */
    private static Object invoke(Inspector inspector, Method op, Object[] args) {
        try {
            return op.invoke(inspector, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
