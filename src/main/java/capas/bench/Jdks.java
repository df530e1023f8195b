package capas.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs the kernel can run on: folders (under {@code /usr/lib/jvm}, where Debian and Temurin's
 * packages put them) whose {@code release} file says Java 17 or later with {@code jdk.jshell},
 * each once however many links name it.
 */
final class Jdks {
    static final Path SYSTEM = Path.of("/usr/lib/jvm");
    static final int OLDEST = 17;
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"?([^\"\\s]+)\"?", Pattern.MULTILINE);
    private static final Pattern MODULES = Pattern.compile("^MODULES=\"?([^\"\\n]*)\"?", Pattern.MULTILINE);

    /**
     * One JDK.
     *
     * @param feature its feature release (17, 21, 25)
     * @param version its full version, as its {@code release} file says
     * @param home    its folder (the real path)
     */
    record Jdk(int feature, String version, Path home) {
        Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    private Jdks() {
    }

    /** The JDKs under {@code dir} and the one this JVM runs on, oldest first; the same folder once. */
    static List<Jdk> find(Path dir, Path running) {
        List<Path> candidates = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.sorted().forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (running != null) {
            candidates.add(running);
        }
        Set<Path> seen = new HashSet<>();
        List<Jdk> jdks = new ArrayList<>();
        for (Path candidate : candidates) {
            Optional<Jdk> jdk = read(candidate);
            if (jdk.isPresent() && seen.add(jdk.get().home())) {
                jdks.add(jdk.get());
            }
        }
        jdks.sort(Comparator.comparingInt(Jdk::feature).thenComparing(Jdk::version));
        return jdks;
    }

    /** The JDK in {@code home}, if it is one the kernel runs on: Java 17 or later, with JShell and a java launcher. */
    static Optional<Jdk> read(Path home) {
        try {
            Path real = home.toRealPath();
            Path release = real.resolve("release");
            if (!Files.isRegularFile(release) || !Files.isExecutable(real.resolve("bin").resolve("java"))) {
                return Optional.empty();
            }
            String text = Files.readString(release);
            Matcher version = VERSION.matcher(text);
            Matcher modules = MODULES.matcher(text);
            if (!version.find() || !modules.find() || !List.of(modules.group(1).split("\\s+")).contains("jdk.jshell")) {
                return Optional.empty();
            }
            int feature = feature(version.group(1));
            return feature >= OLDEST ? Optional.of(new Jdk(feature, version.group(1), real)) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code 17.0.15} → 17, {@code 25} → 25, {@code 1.8.0_412} → 8. */
    static int feature(String version) {
        String[] parts = version.split("[.\\-+_]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }
}
