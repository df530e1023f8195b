package capas.kernel;

import sun.misc.Signal;

/**
 * SIGINT interrupts the running cell instead of ending the JVM, for frontends that interrupt
 * with a signal (kernel.json asks for messages, but a terminal's Ctrl-C still sends SIGINT).
 */
final class InterruptSignal {
    private InterruptSignal() {
    }

    static void install(Runnable onInterrupt) {
        try {
            Signal.handle(new Signal("INT"), signal -> onInterrupt.run());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform: interrupt_request messages still work.
        }
    }
}
