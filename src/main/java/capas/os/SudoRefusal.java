package capas.os;

/**
 * Whether what {@code sudo} wrote means it wanted a password it could not get. A notebook has no
 * terminal to type one in, so sudo either says a password is required ({@code -n}) or that it
 * needs a terminal to read one; without a rule for it a student sees only sudo's English line.
 * Read here once for every caller: the podman wrapper and the notebook's shell cells.
 */
public final class SudoRefusal {
    private SudoRefusal() {
    }

    /** Whether {@code stderr} (one line or many) is sudo refusing for want of a password or of rights. */
    public static boolean in(String stderr) {
        return stderr.contains("sudo: a password is required")
                || stderr.contains("sudo: a terminal is required to read the password")
                || stderr.contains("sudo: no tty present")
                || stderr.contains("is not in the sudoers")
                || stderr.contains("may not run sudo");
    }
}
