package capas.cli;

import capas.Env;
import capas.CapasException;
import capas.Messages;
import capas.os.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./lab} (abrir): the Jupyter serving this checkout's notebooks, found running or started
 * in the background on 127.0.0.1 with a token, and the address to open.
 */
final class AbrirCommand {
    private static final Messages M = Messages.of(AbrirCommand.class);
    /** 60 polls half a second apart: Jupyter usually answers in two or three seconds. */
    private static final int POLLS = 60;
    private static final long POLL_MILLIS = 500;

    private AbrirCommand() {
    }

    static int run(String[] args) throws InterruptedException {
        Path dir = Checkout.notebooks();
        Path jupyter = JupyterServers.command();
        Console.step(M.get("abrir.step"));
        Optional<JupyterServers.Server> server = JupyterServers.serving(jupyter, dir);
        if (server.isPresent()) {
            Console.done(M.get("abrir.already"));
        } else {
            server = Optional.of(start(jupyter, dir));
        }
        int port = server.get().port();
        Console.line("");
        Console.line(M.get("abrir.address", server.get().address()));
        Console.line(M.get("abrir.tunnel", String.valueOf(port)));
        Console.line(M.get("abrir.stop"));
        return 0;
    }

    private static JupyterServers.Server start(Path jupyter, Path dir) throws InterruptedException {
        Path log = Env.stateDir().resolve("jupyter.log");
        ProcessHandle process;
        try {
            Files.createDirectories(log.getParent());
            // The server must outlive this command and the terminal it was typed in; its output goes
            // to the log, never to our stdout, or whoever reads ./lab's output would wait for Jupyter to end.
            process = Command.of(List.of(jupyter.toString(), "notebook", "--no-browser", "--ip=127.0.0.1",
                    "--port=" + Env.port(), "--notebook-dir=" + dir)).startDetached(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < POLLS; i++) {
            Optional<JupyterServers.Server> server = JupyterServers.serving(jupyter, dir);
            if (server.isPresent()) {
                Console.done(M.get("abrir.started", log));
                return server.get();
            }
            if (!process.isAlive()) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("abrir.died"), M.get("abrir.log", log));
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new CapasException(CapasException.Kind.TIMEOUT, M.get("abrir.slow"), M.get("abrir.log", log));
    }
}
