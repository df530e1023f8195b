package capas.cli;

import capas.Env;

/**
 * The launcher's voice: the same step, done and warning lines the bash part of {@code ./lab}
 * prints, so that one run reads as one story whichever side is talking.
 */
final class Console {
    /** When the first {@code ./lab} of this run started (kept across the hand-over to the lab user). */
    private static final long T0 = startSeconds();

    private Console() {
    }

    private static long startSeconds() {
        try {
            return Long.parseLong(Env.get(Env.T0, ""));
        } catch (NumberFormatException e) {
            return System.currentTimeMillis() / 1000;
        }
    }

    static void step(String text) {
        long s = Math.max(0, System.currentTimeMillis() / 1000 - T0);
        System.out.printf("\033[1;34m==>\033[0m %s \033[2m[%d:%02d]\033[0m%n", text, s / 60, s % 60);
    }

    static void done(String text) {
        System.out.printf("    \033[32m✓\033[0m %s%n", text);
    }

    /** On stderr, as bash's {@code aviso}: a warning must not get lost in a pipe of the output. */
    static void warn(String text) {
        System.out.flush();
        System.err.printf("    \033[33m!\033[0m %s%n", text);
        System.err.flush();
    }

    static void line(String text) {
        System.out.println(text);
    }
}
