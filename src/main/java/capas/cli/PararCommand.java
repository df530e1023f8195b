package capas.cli;

import capas.Messages;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code ./lab parar}: stops the Jupyter serving this checkout's notebooks, if one runs. */
final class PararCommand {
    private static final Messages M = Messages.of(PararCommand.class);
    /** Jupyter saves and shuts its kernels down on SIGTERM; five seconds is plenty. */
    private static final long WAIT_SECONDS = 5;

    private PararCommand() {
    }

    static int run(String[] args) throws InterruptedException {
        Path dir = Checkout.notebooks();
        Console.step(M.get("parar.step"));
        Optional<ProcessHandle> server = JupyterServers.serving(JupyterServers.command(), dir)
                .flatMap(s -> ProcessHandle.of(s.pid()));
        if (server.isPresent() && server.get().destroy()) {
            try {
                server.get().onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Still shutting down: it stops listening first, which is what matters here.
            }
            Console.done(M.get("parar.stopped"));
        } else {
            Console.done(M.get("parar.none", dir));
        }
        return 0;
    }
}
