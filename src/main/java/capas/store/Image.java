package capas.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An Image is a record of {@code images.json}: its names and its top layer (the layers below
 * follow from each layer's parent).
 *
 * @param id       64 hex characters
 * @param digest   manifest digest
 * @param names    references such as {@code localhost/curso/httpd:latest}
 * @param topLayer the image's top layer ({@code "layer"} on disk)
 * @param created  creation time, RFC 3339
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Image(
        @JsonProperty("id") String id,
        @JsonProperty("digest") String digest,
        @JsonProperty("names") List<String> names,
        @JsonProperty("layer") String topLayer,
        @JsonProperty("created") String created) {

    public Image {
        names = names == null ? List.of() : List.copyOf(names);
    }

    public String name() {
        return names.isEmpty() ? id.substring(0, 12) : names.get(0);
    }
}
