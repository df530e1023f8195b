package capas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies point one way, down this list, and never back: a class that
 * reaches up (the store drawing HTML, the kernel knowing the prácticas) fails here, with the
 * file and the edge named.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    /** Package → the packages it may use. Everything may use the JDK and the root package. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("capas", Set.of()),
            Map.entry("capas.os", Set.of("capas")),
            Map.entry("capas.store", Set.of("capas", "capas.os")),
            Map.entry("capas.podman", Set.of("capas", "capas.os", "capas.store")),
            Map.entry("capas.context", Set.of("capas", "capas.os", "capas.store")),
            Map.entry("capas.render", Set.of("capas")),
            Map.entry("capas.kernel", Set.of("capas", "capas.os", "capas.render")),
            Map.entry("capas.lab", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render")),
            Map.entry("capas.doctor", Set.of("capas", "capas.os", "capas.podman", "capas.render")),
            Map.entry("capas.practica", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab")),
            Map.entry("capas.practica.catalog", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context",
                    "capas.render", "capas.lab", "capas.practica")),
            Map.entry("capas.bench", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab")),
            Map.entry("capas.cli", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab", "capas.doctor", "capas.practica", "capas.kernel", "capas.bench")));
    /** Third-party packages only some of ours may see: the kernel protocol stays in the kernel. */
    private static final Map<String, Set<String>> EXTERNAL = Map.of(
            "org.dflib.jjava", Set.of("capas.kernel"),
            "jdk.jshell", Set.of("capas.kernel"),
            "com.sun.jna", Set.of("capas.os"));
    private static final Pattern REFERENCE = Pattern.compile("\\b(capas(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]\\w*");
    private static final Pattern EXTERNAL_IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w.]*)\\.[A-Z]", Pattern.MULTILINE);

    record Edge(String file, String from, String to) {
    }

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Edge edge : edges()) {
            Set<String> allowed = ALLOWED.get(edge.from());
            if (allowed == null) {
                wrong.add(edge.file() + ": package " + edge.from() + " has no place in the architecture (ArchitectureTest.ALLOWED)");
            } else if (!edge.from().equals(edge.to()) && !allowed.contains(edge.to())) {
                wrong.add(edge.file() + ": " + edge.from() + " -> " + edge.to());
            }
        }
        assertThat(wrong).as("dependencies against the architecture").isEmpty();
    }

    @Test
    void onlyTheRightPackagesSeeTheKernelProtocolAndJna() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            Matcher m = EXTERNAL_IMPORT.matcher(Files.readString(file));
            while (m.find()) {
                for (Map.Entry<String, Set<String>> rule : EXTERNAL.entrySet()) {
                    if (m.group(1).startsWith(rule.getKey()) && !rule.getValue().contains(from)) {
                        wrong.add(file + ": " + from + " -> " + m.group(1));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theRuleCatchesAnEdgeUpwards() {
        // The test above must be able to fail: a store class naming the facade is caught.
        String code = "package capas.store;\nclass X { capas.lab.Capas lab; }\n";
        assertThat(references(code)).contains("capas.lab");
        assertThat(ALLOWED.get("capas.store")).doesNotContain("capas.lab");
        // Javadoc and strings do not count: only code.
        assertThat(references("package capas.store;\n/** {@link capas.lab.Capas} */ class X { String s = \"capas.lab.Capas\"; }"))
                .doesNotContain("capas.lab");
    }

    private static List<Edge> edges() throws IOException {
        List<Edge> edges = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            for (String to : references(Files.readString(file))) {
                edges.add(new Edge(SOURCES.relativize(file).toString(), from, to));
            }
        }
        return edges;
    }

    /** The Capas packages a source file names in code (imports, qualified names), comments and strings left out. */
    static Set<String> references(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("(?m)^package [\\w.]+;", "");
        Set<String> packages = new TreeSet<>();
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    private static String packageOf(Path file) {
        return SOURCES.relativize(file.getParent()).toString().replace('/', '.');
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).sorted().toList();
        }
    }
}
