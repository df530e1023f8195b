package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;

import capas.os.CommandResult;
import capas.os.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A classroom server for tests, made as a teacher makes one ({@code sudo ./lab aula alumnos.csv}: the jar's part)
 * with a state folder, ports and uid range of its own, so that a real class on the same machine is
 * never touched. Its students are created through the Hub's REST API, as an admin script would;
 * {@link #close} stops it and removes everything it made (containers, disks, state).
 */
final class Classroom implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = Path.of("/var/lib/capas-aula-pruebas");
    /** Far from a real class's range (200 000 000 on): the tests' students never share a uid with one. */
    static final long UID_BASE = 400_000_000L;
    private static final Duration START = Duration.ofMinutes(10);

    final Path checkout;
    final List<String> students;
    final String teacher;
    final int port;
    final int apiPort;
    final int proxyPort;
    final int panelPort;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private Classroom(Path checkout, List<String> students, String teacher, int[] ports, String token) {
        this.checkout = checkout;
        this.students = students;
        this.teacher = teacher;
        this.port = ports[0];
        this.apiPort = ports[1];
        this.proxyPort = ports[2];
        this.panelPort = ports[3];
        this.token = token;
    }

    static String password(String name) {
        return "clave-de-" + name;
    }

    /** {@code sudo ./lab aula} with {@code students} and one teacher, each with a password of the test's. */
    static Classroom start(Path checkout, List<String> students, String teacher) throws IOException {
        stopLeftover();
        Path csv = checkout.resolve("target/aula/alumnos.csv");
        Files.createDirectories(csv.getParent());
        StringBuilder roster = new StringBuilder("nombre;contraseña;rol\n");
        students.forEach(s -> roster.append(s).append(';').append(password(s)).append(";alumno\n"));
        roster.append(teacher).append(';').append(password(teacher)).append(";profesor\n");
        Files.writeString(csv, roster);
        int[] ports = freePorts(4);
        // What sudo ./lab aula runs once ./lab test has installed the classroom's packages and built the jar (./lab
        // itself would rebuild a jar it did not stamp, under the running tests).
        CommandResult made = sudo(Duration.ofMinutes(40), "env", "CAPAS_AULA_DIR=" + DIR, "java", "-jar",
                checkout.resolve("target/capas.jar").toString(), "aula", csv.toString(), "--ip", "127.0.0.1", "--puerto", String.valueOf(ports[0]), "--puerto-api", String.valueOf(ports[1]),
                "--puerto-proxy", String.valueOf(ports[2]), "--puerto-panel", String.valueOf(ports[3]),
                "--base-uid", String.valueOf(UID_BASE), "--memoria", "2g", "--cpus", "1", "--disco", "4g", "--inactividad", "120",
                "--imagen", "localhost/capas-aula-alumno:pruebas");
        if (!made.ok()) {
            // Half a classroom (a Hub that never answered) is removed too: no test would ever stop it.
            String log = sudo(Duration.ofSeconds(30), "tail", "-n", "60", DIR.resolve("jupyterhub.log").toString()).out();
            removeAll(checkout);
            assertThat(made.exitCode()).as("sudo ./lab aula\n" + made.out() + made.err() + "\nThe Hub's log ended:\n" + log).isZero();
        }
        String token = sudo(Duration.ofSeconds(30), "cat", DIR.resolve("capas-token").toString()).out().strip();
        return new Classroom(checkout, students, teacher, ports, token);
    }

    /** A classroom a killed run left behind, removed before a new one. */
    private static void stopLeftover() {
        removeAll(Path.of(System.getProperty("capas.root", ".")).toAbsolutePath());
    }

    static CommandResult sudo(Duration timeout, String... argv) {
        List<String> command = new ArrayList<>(List.of("sudo", "-n"));
        command.addAll(List.of(argv));
        return Commands.run(command, Map.of(), timeout.toSeconds());
    }

    /** The lab's jar as root, on this classroom's state ({@code aula cuadro --csv}…). */
    CommandResult jar(String... args) {
        List<String> command = new ArrayList<>(List.of("env", "CAPAS_AULA_DIR=" + DIR, "java", "-jar",
                checkout.resolve("target/capas.jar").toString()));
        command.addAll(List.of(args));
        return sudo(Duration.ofMinutes(5), command.toArray(String[]::new));
    }

    URI hub(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    /** The Hub's REST API with the lab's own token (the service {@code capas}). */
    HttpResponse<String> api(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(hub("hub/api/" + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "token " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode user(String name) {
        try {
            HttpResponse<String> reply = api("GET", "users/" + name, null);
            assertThat(reply.statusCode()).as("GET users/" + name + ": " + reply.body()).isEqualTo(200);
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean ready(String name) {
        return user(name).path("servers").path("").path("ready").asBoolean(false);
    }

    /** Starts the student's server through the Hub's API and waits until the Hub says it is ready. */
    void startServer(String name) {
        HttpResponse<String> started = api("POST", "users/" + name + "/server", null);
        assertThat(started.statusCode()).as("POST users/" + name + "/server: " + started.body() + "\nThe Hub's log ends:\n" + hubLog())
                .isIn(201, 202, 400);
        Instant deadline = Instant.now().plus(START);
        while (!ready(name)) {
            assertThat(Instant.now()).as(name + "'s server ready within " + START + "; the Hub's log ends:\n" + hubLog())
                    .isBefore(deadline);
            pause();
        }
    }

    /** Stops the student's server through the Hub's API and waits until it is gone. */
    void stopServer(String name) {
        api("DELETE", "users/" + name + "/server", null);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!user(name).path("servers").isEmpty()) {
            assertThat(Instant.now()).as(name + "'s server stopped").isBefore(deadline);
            pause();
        }
    }

    /** A token of the student's own, as the Hub gives one to the student's browser. */
    String tokenOf(String name) {
        try {
            HttpResponse<String> reply = api("POST", "users/" + name + "/tokens", Map.of("note", "AulaIT"));
            assertThat(reply.statusCode()).as("POST users/" + name + "/tokens: " + reply.body()).isIn(200, 201);
            return JSON.readTree(reply.body()).path("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI server(String name) {
        return hub("user/" + name + "/");
    }

    static String container(String name) {
        return "capas-aula-" + name;
    }

    /** The server's podman on the student's own store, as root: {@code ./lab aula podman <nombre>}. */
    List<String> podman(String name) {
        return List.of("sudo", "-n", "env", "CAPAS_AULA_DIR=" + DIR, "java", "-jar", checkout.resolve("target/capas.jar").toString(),
                "aula", "podman", name);
    }

    /** A shell in the student's container (a terminal of the student's), as alumno or as the inner root. */
    CommandResult shell(String name, boolean asRoot, String bash) {
        return StudentShell.podmanExec(this::podman).run(name, asRoot, bash);
    }

    /** A browser session of the teacher's: logged in through the Hub's login form. */
    HttpClient teacherSession() {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        // JupyterHub 4 and later want the login form's XSRF token back (and its cookie); 3.0's form has none.
        HttpResponse<String> page = send(browser, browserRequest(hub("hub/login")).build());
        java.util.regex.Matcher xsrf = java.util.regex.Pattern.compile("name=\"_xsrf\" value=\"([^\"]+)\"").matcher(page.body());
        String form = "username=" + enc(teacher) + "&password=" + enc(password(teacher)) + (xsrf.find() ? "&_xsrf=" + enc(xsrf.group(1)) : "");
        HttpResponse<String> login = send(browser, browserRequest(hub("hub/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).as("teacher's login: " + login.body()).isLessThan(400);
        return browser;
    }

    /** A request as a browser makes it (JupyterHub 3.0 fails on a request without an Accept header). */
    static HttpRequest.Builder browserRequest(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").timeout(Duration.ofMinutes(2));
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    String hubLog() {
        List<String> lines = sudo(Duration.ofSeconds(30), "tail", "-n", "40", DIR.resolve("jupyterhub.log").toString()).out().lines().toList();
        return lines.stream().collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        // The Hub's whole log stays with the test's reports: the state folder goes.
        try {
            Files.writeString(checkout.resolve("target/failsafe-reports/aula-jupyterhub.log"),
                    sudo(Duration.ofSeconds(30), "cat", DIR.resolve("jupyterhub.log").toString()).out());
        } catch (IOException e) {
            // the reports folder may not exist outside failsafe
        }
        removeAll(checkout);
    }

    /** The whole classroom goes: {@code aula borrar}, the lab's own order for it. */
    private static void removeAll(Path checkout) {
        sudo(Duration.ofMinutes(10), "env", "CAPAS_AULA_DIR=" + DIR, "java", "-jar", checkout.resolve("target/capas.jar").toString(), "aula",
                "borrar", "--confirmo");
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0);
                open.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : open) {
                socket.close();
            }
        }
        return ports;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
