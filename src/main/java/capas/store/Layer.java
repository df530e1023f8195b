package capas.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A Layer is a record of {@code layers.json}: one set of changes, stacked on its parent.
 *
 * @param id               64 hex characters; its files are in {@code overlay/<id>/diff}
 * @param parent           the layer below, or {@code null} for a bottom layer
 * @param names            names (container layers have none)
 * @param created          creation time, RFC 3339
 * @param compressedDigest digest of the compressed tar it came from
 * @param compressedSize   size of that tar
 * @param diffDigest       digest of the uncompressed tar ({@code diff-digest})
 * @param diffSize         size of the uncompressed tar ({@code diff-size})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Layer(
        @JsonProperty("id") String id,
        @JsonProperty("parent") String parent,
        @JsonProperty("names") List<String> names,
        @JsonProperty("created") String created,
        @JsonProperty("compressed-diff-digest") String compressedDigest,
        @JsonProperty("compressed-size") long compressedSize,
        @JsonProperty("diff-digest") String diffDigest,
        @JsonProperty("diff-size") long diffSize) {

    public Layer {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
