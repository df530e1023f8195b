package capas.doctor;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.Optional;

/**
 * The TOML of containers/common's configuration files (containers.conf, storage.conf), read
 * as TOML and not line by line: a value may span several lines, and a commented line is not a
 * setting.
 */
final class TomlText {
    private static final TomlMapper TOML = new TomlMapper();

    private TomlText() {
    }

    /** The document, or empty when it is not valid TOML (podman refuses such a file too, and says so itself). */
    static Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(TOML.readTree(text));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
