package capas.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A Container is a record of {@code containers.json}: the container's read-write layer and the
 * image it was made from.
 *
 * @param id       64 hex characters
 * @param names    the names given with {@code --name}
 * @param imageId  the image it was created from
 * @param layer    its own layer: the read-write "capa del contenedor" (upperdir)
 * @param metadataJson podman's metadata, a JSON text inside the JSON (see {@link #metadata()})
 * @param created  creation time, RFC 3339
 * @param flags    podman's flags; with SELinux, {@code MountLabel} and {@code ProcessLabel} (empty without it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Container(
        @JsonProperty("id") String id,
        @JsonProperty("names") List<String> names,
        @JsonProperty("image") String imageId,
        @JsonProperty("layer") String layer,
        @JsonProperty("metadata") String metadataJson,
        @JsonProperty("created") String created,
        @JsonProperty("flags") Map<String, Object> flags) {

    public Container {
        names = names == null ? List.of() : List.copyOf(names);
        flags = flags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(flags));
    }

    /** The SELinux label of the container's files ({@code flags.MountLabel}); empty without SELinux. */
    public String mountLabel() {
        return flag("MountLabel");
    }

    /** The SELinux label of the container's processes ({@code flags.ProcessLabel}); empty without SELinux. */
    public String processLabel() {
        return flag("ProcessLabel");
    }

    private String flag(String name) {
        Object value = flags.get(name);
        return value == null ? "" : value.toString();
    }

    /** The first name, as {@code podman ps} shows it. */
    public String name() {
        return names.isEmpty() ? id.substring(0, 12) : names.get(0);
    }

    /** The {@code metadata} field decoded. */
    public ContainerMetadata metadata() {
        return ContainerMetadata.parse(metadataJson);
    }
}
