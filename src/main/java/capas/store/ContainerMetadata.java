package capas.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Podman's {@code metadata} of a container, stored in {@code containers.json} as a JSON string.
 *
 * @param imageName image reference it was created from
 * @param imageId   image id
 * @param name      container name
 * @param createdAt creation time in seconds since the epoch
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerMetadata(
        @JsonProperty("image-name") String imageName,
        @JsonProperty("image-id") String imageId,
        @JsonProperty("name") String name,
        @JsonProperty("created-at") long createdAt) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final ContainerMetadata EMPTY = new ContainerMetadata("", "", "", 0);

    static ContainerMetadata parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try {
            return JSON.readValue(json, ContainerMetadata.class);
        } catch (IOException e) {
            return EMPTY;
        }
    }
}
