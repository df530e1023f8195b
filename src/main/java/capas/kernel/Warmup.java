package capas.kernel;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Sample cells that touch what a lesson touches (javac, the library, errors, completion,
 * magics), run once at install time so that AppCDS archives the classes they load.
 */
final class Warmup {
    private static final List<String> CELLS = List.of(
            "1 + 1",
            "String nombre = \"capas\";\nnombre.length()",
            "int doble(int x) { return 2 * x; }\ndoble(21)",
            "var lista = new ArrayList<String>(List.of(\"a\", \"b\"));\nfor (String s : lista) { System.out.println(s); }",
            "Path p = Path.of(\"/tmp\");\np.getFileName()",
            "display(\"hola\")",
            "int x = \"no\";",
            "Integer.parseInt(\"x\")",
            "%sh true");

    private Warmup() {
    }

    static void run() throws Exception {
        CapasKernel kernel = CapasKernel.create();
        connectAndClose(kernel);
        kernel.onStartup();
        for (String cell : CELLS) {
            try {
                kernel.run(cell);
            } catch (CellFailure expected) {
                // Failing cells are part of the sample.
            }
        }
        kernel.complete("String.val", 10);
        kernel.inspect("Math.max(1, 2)", 6, false);
        kernel.isComplete("for (int i = 0; i < 3; i++) {");
        kernel.onShutdown(false);
    }

    /** The protocol side loads as many classes as JShell: bind real sockets once, then close. */
    private static void connectAndClose(CapasKernel kernel) throws Exception {
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports[i] = socket.getLocalPort();
            }
        }
        String json = String.format("{\"shell_port\": %d, \"iopub_port\": %d, \"stdin_port\": %d, "
                + "\"control_port\": %d, \"hb_port\": %d, \"ip\": \"127.0.0.1\", \"key\": \"warmup\", "
                + "\"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"capas\"}",
                ports[0], ports[1], ports[2], ports[3], ports[4]);
        JupyterConnection connection = new PromptConnection(KernelConnectionProperties.parse(json));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.close();
    }
}
