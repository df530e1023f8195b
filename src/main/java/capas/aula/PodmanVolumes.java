package capas.aula;

import capas.CapasException;
import capas.Messages;
import capas.Mode;
import capas.os.CommandResult;
import capas.podman.Podman;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The students' home volumes as root's podman knows them: {@code capas-aula-<nombre>-home},
 * labelled {@code capas.aula=<nombre>}, its folder the inspect's {@code Mountpoint}.
 *
 * <p>Every volume is inspected at once ({@code podman volume inspect --all}) and matched by its
 * exact name: {@code podman volume inspect NAME} also accepts a unique partial name, which could
 * hand over student {@code ana-home}'s volume for {@code ana}'s.
 */
public final class PodmanVolumes implements ClassGrid.Volumes {
    /** The label every volume and container of a student carries, with the student's name. */
    public static final String LABEL = "capas.aula";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Messages M = Messages.of(PodmanVolumes.class);

    private final Podman podman;
    private Map<String, Path> homes;

    public PodmanVolumes() {
        this(new Podman(Mode.ROOTFUL));
    }

    PodmanVolumes(Podman podman) {
        this.podman = podman;
    }

    /** The home volume's name for {@code student}. */
    public static String homeVolume(String student) {
        return "capas-aula-" + student + "-home";
    }

    @Override
    public Optional<Path> home(String student) {
        if (homes == null) {
            CommandResult result = podman.command("volume", "inspect", "--all");
            if (!result.ok()) {
                throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("volumes.failed", result.firstLine()),
                        "podman volume inspect --all");
            }
            homes = homes(result.out());
        }
        return Optional.ofNullable(homes.get(homeVolume(student)));
    }

    /** Volume name → folder, of the volumes in {@code inspected} that carry the label of the student they name. */
    static Map<String, Path> homes(String inspected) {
        JsonNode volumes;
        try {
            volumes = JSON.readTree(inspected.isBlank() ? "[]" : inspected);
        } catch (IOException e) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("volumes.failed", e.getMessage()));
        }
        Map<String, Path> homes = new HashMap<>();
        for (JsonNode v : volumes) {
            String name = v.path("Name").asText("");
            String student = v.path("Labels").path(LABEL).asText("");
            String mountpoint = v.path("Mountpoint").asText("");
            if (!student.isEmpty() && name.equals(homeVolume(student)) && mountpoint.startsWith("/")) {
                homes.put(name, Path.of(mountpoint));
            }
        }
        return homes;
    }
}
