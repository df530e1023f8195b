package capas.cli;

import capas.Env;
import capas.CapasException;
import capas.Messages;
import capas.os.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code ./lab} (abrir): the Jupyter serving this checkout's notebooks, found running or started
 * in the background on 127.0.0.1 with a token, and the address to open. Which interface starts
 * (JupyterLab or Notebook) is {@link JupyterInterface#choose}'s rule; the output says which one
 * opened and how to open the other.
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
        boolean labInstalled = JupyterInterface.labInstalled();
        JupyterInterface wanted = JupyterInterface.choose(Env.get(Env.INTERFACE, ""), labInstalled);
        Console.step(M.get("abrir.step"));
        Optional<JupyterServers.Server> server = JupyterServers.serving(jupyter, dir);
        if (server.isPresent()) {
            Console.done(M.get("abrir.already"));
        } else {
            server = Optional.of(start(jupyter, dir, wanted));
        }
        JupyterInterface ui = server.get().ui();
        int port = server.get().port();
        Console.line("");
        Console.line(M.get("abrir.address", server.get().address()));
        Console.line(M.get("abrir.interface", ui.title()));
        if (ui != wanted) {
            // The server already running is the other interface: only a restart changes it.
            Console.line(M.get("abrir.interface.running", wanted.title(), Env.INTERFACE, wanted.word()));
        } else if (labInstalled) {
            Console.line(M.get("abrir.interface.other", ui.other().title(), Env.INTERFACE, ui.other().word()));
        } else {
            Console.line(M.get("abrir.interface.nolab"));
        }
        Console.line(M.get("abrir.tunnel", String.valueOf(port)));
        Console.line(M.get("abrir.stop"));
        return 0;
    }

    private static JupyterServers.Server start(Path jupyter, Path dir, JupyterInterface ui) throws InterruptedException {
        Path log = Env.stateDir().resolve("jupyter.log");
        ProcessHandle process;
        try {
            Files.createDirectories(log.getParent());
            // The server must outlive this command and the terminal it was typed in; its output goes
            // to the log, never to our stdout, or whoever reads ./lab's output would wait for Jupyter to end.
            process = Command.of(ui.serverCommand(jupyter, Env.port(), dir)).startDetached(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < POLLS; i++) {
            Optional<JupyterServers.Server> server = JupyterServers.serving(jupyter, dir);
            if (server.isPresent()) {
                Console.done(M.get("abrir.started", ui.title(), log));
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
