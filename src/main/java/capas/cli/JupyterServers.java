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

/** The Jupyter servers of this user, as {@code jupyter notebook list --json} lists them. */
final class JupyterServers {
    private static final Messages M = Messages.of(JupyterServers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Listing reads a few JSON files; it only hangs when something is badly wrong. */
    private static final long LIST_TIMEOUT_SECONDS = 30;

    /** One running server. */
    record Server(String url, String token, long pid, Path notebookDir) {
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

    /** The server serving {@code dir}, if one is running. */
    static Optional<Server> serving(Path jupyter, Path dir) {
        CommandResult list = Commands.run(List.of(jupyter.toString(), "notebook", "list", "--json"), Map.of(), LIST_TIMEOUT_SECONDS);
        return find(list.ok() ? list.out() : "", same(dir));
    }

    /**
     * The first server of {@code listing} (one JSON object per line) whose notebook folder
     * {@code isDir} accepts. Pure, for tests.
     */
    static Optional<Server> find(String listing, Predicate<Path> isDir) {
        for (String line : listing.lines().toList()) {
            if (!line.strip().startsWith("{")) {
                continue;
            }
            try {
                JsonNode s = JSON.readTree(line);
                String dir = s.path("notebook_dir").asText("");
                if (!dir.isEmpty() && isDir.test(Path.of(dir))) {
                    return Optional.of(new Server(s.path("url").asText(), s.path("token").asText(), s.path("pid").asLong(), Path.of(dir)));
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
