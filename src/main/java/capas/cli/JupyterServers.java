package capas.cli;

import capas.CapasException;
import capas.Messages;
import capas.doctor.Doctor;
import capas.os.CommandResult;
import capas.os.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The Jupyter servers of this user, as {@code jupyter notebook list --json} (Notebook 6.4) and
 * {@code jupyter lab list --json} (JupyterLab's jupyter_server, which keeps its own list) list them.
 */
final class JupyterServers {
    private static final Messages M = Messages.of(JupyterServers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Listing reads a few JSON files; it only hangs when something is badly wrong. */
    private static final long LIST_TIMEOUT_SECONDS = 30;

    /** One running server. */
    record Server(String url, String token, long pid, Path notebookDir, JupyterInterface ui) {
        /** The address to open, with its token: what the student pastes in a browser. */
        String address() {
            return url + "?token=" + token;
        }

        int port() {
            return URI.create(url).getPort();
        }
    }

    private JupyterServers() {
    }

    /** The {@code jupyter} command, or a Spanish error saying how to install it. */
    static Path command() {
        return Doctor.forThisMachine().jupyterCommand().orElseThrow(() -> new CapasException(CapasException.Kind.ENVIRONMENT,
                M.get("jupyter.missing"), capas.doctor.Packages.hint("jupyter")));
    }

    /** The server serving {@code dir}, whichever interface it is, if one is running. */
    static Optional<Server> serving(Path jupyter, Path dir) {
        for (JupyterInterface ui : JupyterInterface.installed(JupyterInterface.labInstalled())) {
            CommandResult list = Commands.run(ui.listCommand(jupyter), Map.of(), LIST_TIMEOUT_SECONDS);
            Optional<Server> server = find(list.ok() ? list.out() : "", same(dir), ui);
            if (server.isPresent()) {
                return server;
            }
        }
        return Optional.empty();
    }

    /**
     * The first server of {@code listing} (one JSON object per line, from {@code ui}'s list) whose
     * served folder {@code isDir} accepts: {@code notebook_dir} in Notebook 6.4, {@code root_dir}
     * in jupyter_server. Pure, for tests.
     */
    static Optional<Server> find(String listing, Predicate<Path> isDir, JupyterInterface ui) {
        for (String line : listing.lines().toList()) {
            if (!line.strip().startsWith("{")) {
                continue;
            }
            try {
                JsonNode s = JSON.readTree(line);
                String dir = s.path("notebook_dir").asText(s.path("root_dir").asText(""));
                if (!dir.isEmpty() && isDir.test(Path.of(dir))) {
                    return Optional.of(new Server(s.path("url").asText(), s.path("token").asText(), s.path("pid").asLong(), Path.of(dir), ui));
                }
            } catch (IOException e) {
                // Not a server line (a warning Jupyter printed): skip it.
            }
        }
        return Optional.empty();
    }

    /** The same folder, even when one side went through a symlink (a home under /usr/home…). */
    private static Predicate<Path> same(Path dir) {
        return candidate -> {
            if (candidate.normalize().equals(dir.normalize())) {
                return true;
            }
            try {
                return Files.isSameFile(candidate, dir);
            } catch (IOException e) {
                return false;
            }
        };
    }
}
