package capas.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path JShell compiles against: the JVM's own, with the {@code Class-Path} of each
 * jar's manifest followed, because {@code java -jar capas.jar} (and Maven's test runner) list
 * only one jar in {@code java.class.path} and put the rest in its manifest.
 */
final class ClassPath {
    private ClassPath() {
    }

    static String ofThisJvm() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void add(Path entry, Set<String> entries) {
        if (!entries.add(entry.toString()) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return;
            }
            for (String ref : cp.trim().split("\\s+")) {
                Path resolved = ref.startsWith("file:")
                        ? Path.of(java.net.URI.create(ref))
                        : entry.getParent().resolve(ref);
                add(resolved.normalize(), entries);
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable jar still compiles against what it holds itself.
        }
    }
}
