package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./lab} as a student runs it on a prepared machine: it leaves a Jupyter server on
 * 127.0.0.1, with a token, that lists the notebooks; a second run changes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();
    private static final Pattern URL = Pattern.compile("Abre en el navegador:\\s+(http://127\\.0\\.0\\.1:(\\d+)/\\?token=(\\w+))");
    private static int port;
    private static String url;

    record Run(int exitCode, String output) {
    }

    private static Run lab(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = ROOT.resolve("lab").toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("CAPAS_PORT", String.valueOf(port));
        ChildProcess.Result result = ChildProcess.run(builder, Duration.ofMinutes(5));
        return new Run(result.exitCode(), result.output());
    }

    @BeforeAll
    static void freePort() throws IOException {
        // As root ./lab hands over to the lab user; this test is that user's side of it.
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (port != 0 && url != null) {
            lab("parar");
        }
    }

    @Test
    @Order(1)
    void opensJupyterOnLoopbackWithATokenThatListsTheNotebooks() throws Exception {
        Run run = lab();

        assertThat(run.exitCode()).as(run.output()).isZero();
        Matcher matcher = URL.matcher(run.output());
        assertThat(matcher.find()).as(run.output()).isTrue();
        url = matcher.group(1);
        assertThat(matcher.group(2)).isEqualTo(String.valueOf(port));
        String token = matcher.group(3);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/contents?token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).contains("\"00-preparacion.ipynb\"").contains("\"practicas\"");
        HttpResponse<String> practicas = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/contents/practicas?token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(practicas.body()).as("labs/ shown through notebooks/practicas").contains("p3-donde-esta-tu-fichero.ipynb");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/contents")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("no token, no access").isEqualTo(403);

        // Only this machine may connect: the kernel's own socket table says where the port listens.
        assertThat(listeningAddresses(port)).as("addresses listening on port " + port).isNotEmpty()
                .allMatch(a -> a.equals("127.0.0.1") || a.equals("::1"));
    }

    /** The local addresses with a socket in LISTEN state on {@code port}, from /proc/net/tcp and tcp6. */
    private static java.util.List<String> listeningAddresses(int port) throws IOException {
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String table : java.util.List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (f[3].equals("0A") && Integer.parseInt(local[1], 16) == port) {
                    found.add(address(local[0]));
                }
            }
        }
        return found;
    }

    /** A /proc/net address (little-endian 32-bit words) as text: 0100007F is 127.0.0.1. */
    private static String address(String hex) throws IOException {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - b) * 2, word * 8 + (3 - b) * 2 + 2), 16);
            }
        }
        return java.net.InetAddress.getByAddress(bytes).getHostAddress().replace("0:0:0:0:0:0:0:1", "::1");
    }

    @Test
    @Order(2)
    void aSecondRunFindsTheSameServer() throws Exception {
        Run run = lab();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("ya estaba abierto").contains(url)
                .contains("al día").contains("ya está").doesNotContain("construida").doesNotContain("escrito ");
    }

    @Test
    @Order(4)
    void everyFolderOnTheWayToTheLabsCopyIsTheStudentsOwn() throws IOException {
        // As root, ./lab made these folders for the lab user; a root-owned ~/.cache breaks every
        // program of the student that caches something there.
        Path home = Path.of(System.getProperty("user.home"));
        Prerequisites.require(ROOT.startsWith(home), "the lab's copy inside the lab user's home");
        String me = System.getProperty("user.name");
        for (Path dir = ROOT; !dir.equals(home); dir = dir.getParent()) {
            assertThat(Files.getOwner(dir).getName()).as(dir.toString()).isEqualTo(me);
        }
    }

    @Test
    @Order(3)
    void stopStopsIt() throws Exception {
        Run run = lab("parar");

        assertThat(run.output()).contains("parado");
        HttpClient http = HttpClient.newHttpClient();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(
                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        url = null;
    }
}
