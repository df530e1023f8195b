package capas.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the doctor needs from podman's containers.conf files. */
final class ContainersConf {
    private ContainersConf() {
    }

    /** Every containers.conf podman reads, in its order: the main files, then each drop-in folder's {@code *.conf} by name. */
    static List<Path> files(Host host) {
        Path home = host.identity().home();
        List<Path> files = new ArrayList<>(List.of(Path.of("/usr/share/containers/containers.conf"),
                Path.of("/etc/containers/containers.conf"), home.resolve(".config/containers/containers.conf")));
        for (Path dir : List.of(Path.of("/etc/containers/containers.conf.d"), home.resolve(".config/containers/containers.conf.d"))) {
            host.list(dir).stream().filter(p -> p.toString().endsWith(".conf")).forEach(files::add);
        }
        return files;
    }

    /**
     * Whether {@code text} lowers the containers' default open-files limit: {@code default_ulimits}
     * in {@code [containers]} with a {@code nofile=…} entry.
     */
    static boolean setsDefaultUlimits(String text) {
        JsonNode limits = TomlText.parse(text).map(t -> t.path("containers").path("default_ulimits")).orElse(null);
        if (limits == null || !limits.isArray()) {
            return false;
        }
        for (JsonNode limit : limits) {
            if (limit.asText().startsWith("nofile=")) {
                return true;
            }
        }
        return false;
    }

    /** The {@code cgroups} setting of {@code [containers]} in {@code text} ({@code enabled}, {@code disabled}, {@code no-conmon}), if set. */
    static Optional<String> cgroups(String text) {
        return TomlText.parse(text).map(t -> t.path("containers").path("cgroups")).filter(JsonNode::isTextual).map(JsonNode::asText);
    }

    /**
     * Whether the containers podman starts on {@code host} get no cgroups of their own
     * ({@code cgroups = "disabled"}): the last file that sets it decides, as podman reads them.
     * crun can then start containers where it could not create cgroups (hybrid layout, a user
     * namespace without a cgroup of its own).
     */
    static boolean cgroupsDisabled(Host host) {
        String last = null;
        for (Path file : files(host)) {
            Optional<String> value = host.read(file).flatMap(ContainersConf::cgroups);
            if (value.isPresent()) {
                last = value.get();
            }
        }
        return "disabled".equals(last);
    }
}
