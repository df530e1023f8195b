package capas.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Which storage.conf decides a store's driver, and what it sets. */
final class StorageConf {
    static final Path ETC = Path.of("/etc/containers/storage.conf");
    static final Path USR = Path.of("/usr/share/containers/storage.conf");

    private StorageConf() {
    }

    /** The {@code driver} in {@code [storage]} of {@code text}, if it sets one. */
    static Optional<String> driver(String text) {
        return TomlText.parse(text).map(t -> t.path("storage").path("driver"))
                .filter(d -> d.isTextual() && !d.asText().isEmpty()).map(d -> d.asText());
    }

    /**
     * The file to change for the overlay driver. containers/storage reads only the first file
     * that exists (rootless: the user's own, then /etc, then /usr/share): when that one sets the
     * driver, it is the one to change; otherwise the mode's own file (the user's, or /etc for
     * rootful), which is read before the others.
     */
    static Path toChange(Host host, boolean rootful) {
        Path own = rootful ? ETC : host.identity().home().resolve(".config/containers/storage.conf");
        List<Path> candidates = rootful ? List.of(ETC, USR) : List.of(own, ETC, USR);
        for (Path file : candidates) {
            Optional<String> text = host.read(file);
            if (text.isPresent()) {
                return driver(text.get()).isPresent() ? file : own;
            }
        }
        return own;
    }
}
