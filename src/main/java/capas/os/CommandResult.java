package capas.os;

/**
 * What a finished command left: its exit code and its output.
 *
 * @param exitCode 0 on success; 127 when the program is not installed
 * @param out      standard output
 * @param err      standard error (without podman's harmless shared-mount warning)
 */
public record CommandResult(int exitCode, String out, String err) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** The first line of the output (or of the errors, when there is no output). */
    public String firstLine() {
        String text = out.isBlank() ? err : out;
        return text.strip().lines().findFirst().orElse("");
    }

    @Override
    public String toString() {
        return (out + (err.isBlank() ? "" : (out.isBlank() ? "" : "\n") + err)).stripTrailing();
    }
}
