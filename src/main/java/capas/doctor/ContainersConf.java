package capas.doctor;

import com.fasterxml.jackson.databind.JsonNode;

/** What the doctor needs from a containers.conf file. */
final class ContainersConf {
    private ContainersConf() {
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
}
