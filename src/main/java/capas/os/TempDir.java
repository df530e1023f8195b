package capas.os;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder (a build context, an export's working copies) removed with all it
 * holds when closed; a leftover that cannot be removed is harmless, so closing never fails.
 */
public final class TempDir implements AutoCloseable {
    private final Path path;

    private TempDir(Path path) {
        this.path = path;
    }

    /** A new folder under the system's temporary folder, named {@code prefix…}. */
    public static TempDir create(String prefix) {
        try {
            return new TempDir(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // Left in /tmp: the system cleans it, and nothing depends on it any more.
        }
    }
}
