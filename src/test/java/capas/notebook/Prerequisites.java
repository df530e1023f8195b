package capas.notebook;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an integration test needs from the machine. On a student's laptop a missing piece skips
 * the test; in CI ({@code CI=true}, prepared by {@code ./lab test}) it fails, so that a broken
 * preparation can never turn into a green run that tested nothing.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    public static void require(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("CI must have " + what + " (./lab test installs it)");
        }
        assumeTrue(present, what + " is not available here");
    }

    public static void requireExecutable(String path) {
        require(Files.isExecutable(Path.of(path)), path);
    }
}
