package capas.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The checkout the running jar was built from: {@code <checkout>/target/capas.jar} (or
 * {@code target/classes} in tests), so the subcommands need no folder passed to them.
 */
final class Checkout {
    private Checkout() {
    }

    static Path root() {
        String forced = System.getProperty("capas.root");
        if (forced != null) {
            return Path.of(forced).toAbsolutePath();
        }
        try {
            Path code = Path.of(Checkout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path notebooks() {
        return root().resolve("notebooks");
    }

    static Path labs() {
        return root().resolve("labs");
    }

    static Path curso() {
        return root().resolve("curso");
    }
}
