package capas.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * jjava's connection with shell and control channels that look for requests every few
 * milliseconds (10) instead of every 50: each cell (and kernel startup, which waits for two requests)
 * would otherwise pay up to 50 ms doing nothing.
 *
 * <p>jjava builds its own shell and control channels in its constructor; those stay unbound and
 * these take their ports.
 */
final class PromptConnection extends JupyterConnection {
    private static final long POLL_MILLIS = 10;

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final ShellChannel promptShell;
    private final ShellChannel promptControl;
    private boolean connected;

    PromptConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        this.promptShell = new ShellChannel(context, properties.createHMACGenerator(), false, this, POLL_MILLIS);
        this.promptControl = new ShellChannel(context, properties.createHMACGenerator(), true, this, POLL_MILLIS);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        promptShell.bind(properties);
        promptControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        promptShell.close();
        promptControl.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        promptShell.waitUntilClose();
        promptControl.waitUntilClose();
        super.waitUntilClose();
    }
}
