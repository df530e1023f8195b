package capas.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -jar capas.jar kernel <connection-file>}: the Jupyter kernel. With
 * {@code --warmup} instead of a file it runs sample cells and exits, which is how the kernelspec
 * installer records the classes worth sharing (AppCDS).
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warmup")) {
            Warmup.run();
            System.exit(0);
        }
        if (args.length != 1) {
            System.err.println(capas.Messages.of(KernelMain.class).get("kernel.usage"));
            System.exit(2);
        }
        // First, so that JShell warms up while the sockets are bound and kernel_info is answered.
        CapasKernel kernel = CapasKernel.create();
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new PromptConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.onStartup();
        InterruptSignal.install(kernel::interrupt);
        connection.waitUntilClose();
        System.exit(0);
    }
}
