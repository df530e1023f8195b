package capas;

/**
 * A failure a student can act on: its message is Spanish and says what happened, and
 * {@link #hint()} (when present) says what to do about it.
 *
 * <p>Shown as it is by the launcher and the kernel, without a stack trace.
 */
public class CapasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public CapasException(String message) {
        this(message, null, null);
    }

    public CapasException(String message, String hint) {
        this(message, hint, null);
    }

    public CapasException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What to do about it (a command, a setting), or {@code null}. */
    public String hint() {
        return hint;
    }

    /** Message and hint on separate lines, as a person should read them. */
    public String explain() {
        return hint == null ? getMessage() : getMessage() + "\n  → " + hint;
    }
}
