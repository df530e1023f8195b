package capas.doctor;

import capas.Mode;
import capas.os.CommandResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** {@code podman info} of one mode, asked once and shared by the checks that read it. */
final class PodmanInfo {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PodmanInfo() {
    }

    /** What podman says of itself in {@code mode}, or empty when it cannot answer (sudo wants a password…). */
    static Optional<JsonNode> of(Host host, Mode mode) {
        CommandResult info = host.podman(mode, "info", "--format", "json");
        if (!info.ok()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(info.out()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
