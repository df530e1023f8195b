package capas.aula.servidor;

import capas.CapasException;
import capas.Messages;
import capas.os.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The JupyterHub process of the classroom (Debian's), started detached with the repository's
 * configuration and the state folder; its pid in {@code jupyterhub.pid} (the Hub writes it). A
 * restart keeps the students' servers running: the configuration sets {@code cleanup_servers}
 * off, and the Hub finds them again in its database.
 */
public final class Hub {
    private static final Messages M = Messages.of(Hub.class);
    private static final Duration READY = Duration.ofMinutes(2);
    private static final Duration STOPPED = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(300);

    private final Path stateDir;
    private final Path config;

    public Hub(Path stateDir, Path config) {
        this.stateDir = stateDir;
        this.config = config;
    }

    public Path log() {
        return stateDir.resolve("jupyterhub.log");
    }

    /** The running Hub of this state folder, if any. */
    public Optional<ProcessHandle> process() {
        try {
            Path pid = stateDir.resolve("jupyterhub.pid");
            if (!Files.isRegularFile(pid)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().orElse("").contains("jupyterhub"));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the Hub (stopping this folder's running one first) and waits until its API answers. */
    public void start(ClassroomSettings settings) {
        stop();
        try {
            Files.deleteIfExists(stateDir.resolve("jupyterhub.pid"));
            Command.of("/usr/bin/jupyterhub", "-f", config.toString())
                    .withEnv(Map.of(capas.Env.AULA_DIR, stateDir.toString(), "LANG", "C.UTF-8",
                            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
                    .startDetached(log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Ready when the Hub answers through its proxy: the proxy's routes come a moment after the Hub's own API.
        // Behind TLS (a certificate the checks here cannot verify) the Hub's own port has to do.
        String host = "0.0.0.0".equals(settings.ip()) ? "127.0.0.1" : settings.ip();
        URI api = settings.certificate() == null ? URI.create("http://" + host + ":" + settings.port() + "/hub/api")
                : URI.create("http://127.0.0.1:" + settings.apiPort() + "/hub/api");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> reply = http.send(HttpRequest.newBuilder(api).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && reply.body().contains("\"version\"") && process().isPresent()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("hub.not.ready", READY.toSeconds(), log()), M.get("hub.not.ready.hint", log()));
    }

    /** Stops this folder's Hub and its proxy, if running; the students' servers keep running. */
    public boolean stop() {
        Optional<ProcessHandle> hub = process();
        if (hub.isEmpty()) {
            return false;
        }
        hub.get().destroy();
        Instant deadline = Instant.now().plus(STOPPED);
        while (hub.get().isAlive() && Instant.now().isBefore(deadline)) {
            sleep();
        }
        if (hub.get().isAlive()) {
            hub.get().destroyForcibly();
        }
        return true;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
