package capas;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what a test needs instead of sleeping for a time that a loaded machine overruns:
 * returns as soon as the condition holds, and fails, naming it, if it never does.
 */
public final class Eventually {
    /** Long enough for a machine whose cores are all busy; a condition that holds returns at once. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails the test with {@code what} if it does not within a minute. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still waiting after %s for: %s", PATIENCE, what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for: %s", what);
            }
        }
    }
}
