package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import capas.notebook.KernelSession;
import capas.notebook.NotebookRunner;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Stop on a busy Java cell, in the real kernel, on every JDK installed under {@code /usr/lib/jvm}
 * (17 and up, with JShell): surefire runs {@link SnippetStopTest} on the build's JDK only, and
 * {@code Thread.stop}, which the kernel once relied on, does nothing from JDK 20 on.
 */
class StopEveryJdkIT {
    private static final Path JVMS = Path.of("/usr/lib/jvm");
    private static final Pattern VERSION = Pattern.compile("java\\.version = (\\S+)");
    /** The stop itself takes milliseconds: more than this, counted from the cell's first line, means it did not work. */
    private static final double STOP_WITHIN = 15;

    /** A JDK found: its home and {@code java.version}. */
    record Jdk(Path home, String version) {
        Path java() {
            return home.resolve("bin/java");
        }

        /** 8 for a "1.8.0_402": older than any the kernel runs on. */
        int feature() {
            try {
                return Runtime.Version.parse(version).feature();
            } catch (IllegalArgumentException legacy) {
                return 8;
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> stopEndsABusyLoopOnEveryJdk() throws IOException {
        List<Jdk> jdks = installedJdks();
        assertThat(jdks).as("JDKs under %s", JVMS).isNotEmpty();
        return jdks.stream().map(jdk -> DynamicTest.dynamicTest("JDK " + jdk.version() + " (" + jdk.home() + ")", () -> stopOn(jdk)));
    }

    private static void stopOn(Jdk jdk) throws IOException {
        Path jupyter = Path.of("target", "stop-every-jdk", "jdk-" + jdk.version()).toAbsolutePath();
        // The kernelspec names the java that installed it: this JDK runs the kernel (and made its AppCDS archive).
        NotebookRunner.run(List.of(jdk.java().toString(), "-jar", System.getProperty("capas.jar", "target/capas.jar"),
                "kernelspec", jupyter.resolve("kernels").toString()), "kernelspec on JDK " + jdk.version());

        JsonNode results = KernelSession.run(List.of("env", "JUPYTER_PATH=" + jupyter), List.of(
                Map.of("kernel_info", true),
                Map.of("execute", "\"calentando\""),
                // Stop is pressed once the loop has printed that it runs, as a student would.
                Map.of("execute", "System.out.println(\"en marcha\");\nwhile (true) {}", "interrupt", "message", "interrupt_on_output", "en marcha"),
                Map.of("execute", "\"vivo\"")));

        assertThat(results.get(0).path("reply").path("language_info").path("version").asText())
                .as("the kernel runs on this JDK").startsWith(jdk.version());
        JsonNode loop = results.get(2);
        assertThat(loop.path("reply").path("status").asText()).isEqualTo("error");
        assertThat(loop.path("reply").path("ename").asText()).isEqualTo("Interrumpido");
        JsonNode started = loop.path("outputs").get(0);
        JsonNode error = loop.path("outputs").get(loop.path("outputs").size() - 1);
        assertThat(started.path("content").path("text").asText()).isEqualTo("en marcha\n");
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("at").asDouble()).as("seconds from the loop's start until the cell ended").isLessThan(started.path("at").asDouble() + STOP_WITHIN);
        JsonNode alive = results.get(3).path("reply");
        assertThat(alive.path("status").asText()).isEqualTo("ok");
        assertThat(KernelSession.shown(results.get(3).path("outputs"))).isEqualTo("\"vivo\"");
    }

    /** Every JDK home under /usr/lib/jvm once (its links and aliases collapse), 17 and up, with JShell. */
    static List<Jdk> installedJdks() throws IOException {
        Map<Path, Jdk> found = new TreeMap<>();
        try (Stream<Path> homes = Files.list(JVMS)) {
            for (Path home : homes.sorted().toList()) {
                Path java = home.resolve("bin/java");
                if (!Files.isExecutable(java)) {
                    continue;
                }
                Path real = java.toRealPath();
                if (found.containsKey(real)) {
                    continue;
                }
                Matcher version = VERSION.matcher(output(List.of(java.toString(), "-XshowSettings:properties", "-version")));
                if (!version.find()) {
                    continue;
                }
                Jdk jdk = new Jdk(real.getParent().getParent(), version.group(1));
                if (jdk.feature() >= 17 && output(List.of(java.toString(), "--list-modules")).contains("jdk.jshell@")) {
                    found.put(real, jdk);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static String output(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroy();
        }
    }
}
