package capas;

/**
 * A failure a student can act on: its message is Spanish and says what happened, and
 * {@link #hint()} (when present) says what to do about it.
 *
 * <p>Its {@link Kind} tells a práctica whether this is an answer to judge (the container the
 * student named does not exist) or the machine to fix first (sudo wants a password): only the
 * first kind may become a ✗ verdict.
 *
 * <p>Shown as it is by the launcher and the kernel, without a stack trace.
 */
public class CapasException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as code needs to tell it apart; the message says it to a person. */
    public enum Kind {
        /** A Comprueba cell found the lesson's claim false on this machine. */
        CHECK(true),
        /** No container by that name, id or id prefix. */
        UNKNOWN_CONTAINER(true),
        /** No image by that name, id or id prefix. */
        UNKNOWN_IMAGE(true),
        /** No layer with that id. */
        UNKNOWN_LAYER(true),
        /** A name or id prefix that fits more than one container or image. */
        AMBIGUOUS_NAME(true),
        /** {@code podman rmi} refused: a container still uses the image. */
        IMAGE_IN_USE(true),
        /** The image has other names too: removing it by one name would only take that name away. */
        IMAGE_HAS_OTHER_NAMES(true),
        /** The name belongs to something the lab did not create: the lab leaves it alone. */
        NAME_TAKEN(true),
        /** Nothing at that path of the store, or not what was expected there (a folder, a file). */
        NOT_FOUND(true),
        /** A container that is not running where the question needs it running. */
        NOT_RUNNING(true),
        /** Podman refused a command for a reason of its own (quoted in the message). */
        PODMAN_FAILED(true),
        /** A path outside the store, or one that leaves it through a symlink: never read. */
        OUTSIDE_STORE(false),
        /** The podman command is not installed. */
        PODMAN_MISSING(false),
        /** {@code sudo -n} needs a password, or sudo is not allowed. */
        SUDO_PASSWORD(false),
        /** The inspection probe (root or {@code podman unshare}) could not start or died. */
        PROBE_DIED(false),
        /** The store's files cannot be read (permissions, corrupt JSON). */
        STORE_UNREADABLE(false),
        /** The request does not fit this machine or mode (rootless as root…). */
        ENVIRONMENT(false),
        /** A call that ran too long and was stopped. */
        TIMEOUT(false),
        /** The student pressed Stop. */
        INTERRUPTED(false),
        /** Another kernel has this lesson open: two runs of one lesson would trip over each other's containers. */
        LESSON_IN_USE(false);

        private final boolean domain;

        Kind(boolean domain) {
            this.domain = domain;
        }

        /**
         * Whether this says something about the student's containers, images or answers (a
         * verdict), rather than about the machine (something to fix before going on).
         */
        public boolean domain() {
            return domain;
        }
    }

    private final Kind kind;
    private final String hint;

    /** A failed check of a lesson (kind {@link Kind#CHECK}), as notebooks raise it. */
    public CapasException(String message) {
        this(Kind.CHECK, message, null, null);
    }

    /** A failed check of a lesson, with what to do about it. */
    public CapasException(String message, String hint) {
        this(Kind.CHECK, message, hint, null);
    }

    public CapasException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public CapasException(Kind kind, String message, String hint) {
        this(kind, message, hint, null);
    }

    public CapasException(Kind kind, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
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
