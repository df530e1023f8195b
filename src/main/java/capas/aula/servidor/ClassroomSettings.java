package capas.aula.servidor;

import capas.CapasException;
import capas.Messages;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the teacher chose for the classroom server, kept in {@code aula.json} in the state folder:
 * the Hub's configuration reads it, and {@code ./lab aula} run again keeps every value it is not
 * given. Field names are the file's (Spanish, as the teacher reads them).
 */
public record ClassroomSettings(
        @JsonProperty("ip") String ip,
        @JsonProperty("puerto") int port,
        @JsonProperty("puerto_api") int apiPort,
        @JsonProperty("puerto_proxy") int proxyPort,
        @JsonProperty("puerto_panel") int panelPort,
        @JsonProperty("pasarela") String gateway,
        @JsonProperty("imagen") String image,
        @JsonProperty("disco") String disk,
        @JsonProperty("procesos") int processes,
        @JsonProperty("memoria") String memory,
        @JsonProperty("cpus") double cpus,
        @JsonProperty("inactividad") int idleMinutes,
        @JsonProperty("jar") String jar,
        @JsonProperty("inicio") String startPage,
        @JsonProperty("base_uid") long uidBase,
        @JsonProperty("certificado") String certificate,
        @JsonProperty("clave") String key) {
    private static final Messages M = Messages.of(ClassroomSettings.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    public static final String FILE = "aula.json";
    public static final String IMAGE = "localhost/capas-aula-alumno:latest";
    /** Sizes as podman and the spawner take them: 3g, 512m, 8G. */
    private static final Pattern SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?[kKmMgGtT]?");

    /**
     * The defaults: every address of the server on port 8000; per student 3 GB of memory, one and
     * a half cores, 2048 processes (threads count: a kernel's JVM has about 40) and an 8 GB disk (a lesson needs about 1 GB: see docs/aula.md);
     * idle servers stopped after an hour. The uids start at 200 000 000, far above any range
     * useradd or podman's {@code --userns=auto} hands out.
     */
    public static ClassroomSettings defaults(String jar) {
        return new ClassroomSettings("0.0.0.0", 8000, 8081, 8001, 10101, "", IMAGE, "8G", 2048, "3G", 1.5, 60, jar, "/tree",
                200_000_000L, null, null);
    }

    public static ClassroomSettings read(Path stateDir, String jar) {
        Path file = stateDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return defaults(jar);
        }
        try {
            return JSON.readValue(file.toFile(), ClassroomSettings.class).withJar(jar);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("settings.unreadable", file, e.getMessage()));
        }
    }

    public void write(Path stateDir) {
        try {
            Files.writeString(stateDir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ClassroomSettings withJar(String jar) {
        return new ClassroomSettings(ip, port, apiPort, proxyPort, panelPort, gateway, image, disk, processes, memory, cpus, idleMinutes,
                jar, startPage, uidBase, certificate, key);
    }

    public ClassroomSettings withGateway(String gateway) {
        return new ClassroomSettings(ip, port, apiPort, proxyPort, panelPort, gateway, image, disk, processes, memory, cpus, idleMinutes,
                jar, startPage, uidBase, certificate, key);
    }

    public ClassroomSettings withStartPage(String startPage) {
        return new ClassroomSettings(ip, port, apiPort, proxyPort, panelPort, gateway, image, disk, processes, memory, cpus, idleMinutes,
                jar, startPage, uidBase, certificate, key);
    }

    /** The URL a teacher gives the class (the server's name or address where it listens on all). */
    public String url(String host) {
        return (certificate == null ? "http" : "https") + "://" + ("0.0.0.0".equals(ip) ? host : ip) + ":" + port + "/";
    }

    /**
     * These settings with the options of {@code ./lab aula} applied ({@code --puerto 8000},
     * {@code --memoria 3g}…); every other argument is returned in {@code rest}.
     */
    public ClassroomSettings withOptions(List<String> args, List<String> rest) {
        String ip = this.ip;
        String image = this.image;
        int port = this.port;
        int apiPort = this.apiPort;
        int proxyPort = this.proxyPort;
        int panelPort = this.panelPort;
        String disk = this.disk;
        int processes = this.processes;
        String memory = this.memory;
        double cpus = this.cpus;
        int idle = this.idleMinutes;
        long uidBase = this.uidBase;
        String certificate = this.certificate;
        String key = this.key;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                rest.add(arg);
                continue;
            }
            if (i + 1 >= args.size()) {
                errors.add(M.get("option.value", arg));
                break;
            }
            String value = args.get(++i);
            try {
                switch (arg) {
                    case "--ip" -> ip = value;
                    case "--imagen" -> image = value;
                    case "--puerto" -> port = port(value);
                    case "--puerto-api" -> apiPort = port(value);
                    case "--puerto-proxy" -> proxyPort = port(value);
                    case "--puerto-panel" -> panelPort = port(value);
                    case "--disco" -> disk = size(value);
                    case "--memoria" -> memory = size(value);
                    case "--procesos" -> processes = positive(value);
                    case "--cpus" -> cpus = Double.parseDouble(value);
                    case "--inactividad" -> idle = positive(value);
                    case "--base-uid" -> uidBase = Long.parseLong(value);
                    case "--certificado" -> certificate = Path.of(value).toAbsolutePath().toString();
                    case "--clave" -> key = Path.of(value).toAbsolutePath().toString();
                    default -> errors.add(M.get("option.unknown", arg));
                }
            } catch (IllegalArgumentException e) {
                errors.add(M.get("option.bad", arg, value));
            }
        }
        if ((certificate == null) != (key == null)) {
            errors.add(M.get("option.tls"));
        }
        if (!errors.isEmpty()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, String.join("\n", errors), M.get("option.hint"));
        }
        return new ClassroomSettings(ip, port, apiPort, proxyPort, panelPort, gateway, image, disk, processes, memory, cpus, idle, jar,
                startPage, uidBase, certificate, key);
    }

    private static int port(String value) {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(value);
        }
        return port;
    }

    private static int positive(String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(value);
        }
        return n;
    }

    private static String size(String value) {
        if (!SIZE.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        // JupyterHub takes only upper-case units (3G); podman and the disk take either.
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
