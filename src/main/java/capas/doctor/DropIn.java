package capas.doctor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers.conf drop-in Capas writes ({@value #PATH}). Two checks (rlimits, runtime) may
 * each need a setting in it: each one merges its own line, keeping the other's, so that fixing
 * one never undoes the other.
 */
final class DropIn {
    static final String PATH = "/etc/containers/containers.conf.d/50-capas.conf";
    static final String HEADER = "# Escrito por Capas (./lab doctor --arreglar): ajustes que esta máquina necesita.";

    private DropIn() {
    }

    /**
     * {@code existing} (the file's text, or empty) with {@code key = value} set in {@code [section]}.
     * Pure, so that the merge is tested without touching /etc.
     */
    static String merge(String existing, String section, String key, String value) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String current = null;
        for (String raw : existing.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1).strip();
                sections.computeIfAbsent(current, s -> new ArrayList<>());
            } else if (current != null && !line.isEmpty() && !line.startsWith("#")) {
                sections.get(current).add(line);
            }
        }
        List<String> lines = sections.computeIfAbsent(section, s -> new ArrayList<>());
        lines.removeIf(l -> keyOf(l).equals(key));
        lines.add(key + " = " + value);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        sections.forEach((name, body) -> {
            text.append('[').append(name).append("]\n");
            body.forEach(l -> text.append(l).append('\n'));
        });
        return text.toString();
    }

    private static String keyOf(String line) {
        int eq = line.indexOf('=');
        return eq < 0 ? line : line.substring(0, eq).strip();
    }
}
