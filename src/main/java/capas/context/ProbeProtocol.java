package capas.context;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The probe's wire format: one JSON object per line each way.
 * A request names an operation of {@link Inspector} and its arguments; a reply carries either
 * the value or a Spanish error (message and hint) to be thrown again on the caller's side.
 */
final class ProbeProtocol {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** First line a probe writes: the client knows the JVM started and the context was entered. */
    static final String READY = "{\"ready\":true}";

    record Request(String op, List<String> args) {
    }

    record Reply(JsonNode value, String kind, String error, String hint) {
    }

    private ProbeProtocol() {
    }
}
