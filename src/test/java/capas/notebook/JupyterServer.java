package capas.notebook;

import capas.cli.JupyterInterface;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real Jupyter server for a test (Notebook 6.4 or JupyterLab 4): Debian's, on 127.0.0.1, with a token, serving a
 * folder of the test's own (never the checkout: a browser autosaves outputs into what it opens).
 */
public final class JupyterServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final String token;

    private JupyterServer(Process process, int port, String token) {
        this.process = process;
        this.port = port;
        this.token = token;
    }

    public static JupyterServer start(Path notebookDir, Path jupyterPath, Path log) throws IOException, InterruptedException {
        return start(JupyterInterface.NOTEBOOK, notebookDir, jupyterPath, log, Map.of());
    }

    /**
     * {@code ui}'s server on {@code notebookDir}; {@code environment} adds to its own (JupyterLab
     * reads its settings folder from one). Options that only the test needs follow {@code extra}.
     */
    public static JupyterServer start(JupyterInterface ui, Path notebookDir, Path jupyterPath, Path log, Map<String, String> environment,
            String... extra) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        List<String> options = new ArrayList<>(List.of("--port-retries=0", ui.tokenOption(token)));
        options.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(ui.serverCommand(Path.of("/usr/bin/jupyter"), port, notebookDir, options.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
        JupyterServer server = new JupyterServer(builder.start(), port, token);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 120; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("jupyter exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(api("/api/status")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("jupyter did not answer on port " + port);
    }

    /** {@code path} on this server, with the token. */
    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path + (path.contains("?") ? "&" : "?") + "token=" + token);
    }

    /** GETs {@code path} and returns the body (fails on a non-200 answer). */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Copies {@code notebook} into a fresh folder that a server can own. */
    public static Path workspaceWith(Path notebook, Path parent) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(parent), "jupyter-");
        Files.copy(notebook, dir.resolve(notebook.getFileName()));
        return dir;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
