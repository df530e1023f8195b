package capas.aula;

import capas.os.CommandResult;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One way a student might try to get where they do not belong, tried from inside their own
 * container: a bash command, run as {@code alumno} or as the container's root, and what its result
 * must look like for the attempt to count as refused. Some attempts also leave traces that only the
 * server or the other student can see (the host's free space, a file on the host's disk, whether the
 * other student still answers): {@link #hostCheck} looks there, after the command and before
 * {@link #cleanup}, which always runs (as the same user) so that nothing the attempt made stays.
 *
 * @param id          stable number, used in the table and in the closing note of the issue
 * @param description what is tried, in Spanish (it goes into the classroom's closing note)
 * @param asRoot      run through {@code sudo} inside (the container's root), or as {@code alumno}
 * @param command     the bash the student types
 * @param refused     true when the result shows the attempt got nowhere
 * @param hostCheck   what the server or the other student sees afterwards, if anything
 * @param cleanup     bash that undoes whatever the attempt may have made, run even when it failed
 */
public record EscapeAttempt(int id, String description, boolean asRoot, String command,
        Predicate<CommandResult> refused, Optional<HostCheck> hostCheck, Optional<String> cleanup) {

    public static EscapeAttempt asAlumno(int id, String description, String command, Predicate<CommandResult> refused) {
        return new EscapeAttempt(id, description, false, command, refused, Optional.empty(), Optional.empty());
    }

    public static EscapeAttempt asRoot(int id, String description, String command, Predicate<CommandResult> refused) {
        return new EscapeAttempt(id, description, true, command, refused, Optional.empty(), Optional.empty());
    }

    public EscapeAttempt withHostCheck(HostCheck check) {
        return new EscapeAttempt(id, description, asRoot, command, refused, Optional.of(check), cleanup);
    }

    public EscapeAttempt withCleanup(String bash) {
        return new EscapeAttempt(id, description, asRoot, command, refused, hostCheck, Optional.of(bash));
    }

    /** The same attempt judged by another rule: how a test shows that a rule can fail. */
    public EscapeAttempt judgedBy(Predicate<CommandResult> other) {
        return new EscapeAttempt(id, description, asRoot, command, other, hostCheck, cleanup);
    }

    /**
     * A look from outside the student's container: on the server (as the test's user, with
     * {@code sudo -n}) or through the other student's shell.
     */
    public interface HostCheck {
        /** What the server looks like before the attempt (e.g. its free space); handed back to {@link #breach}. */
        default String before(EscapeAttempts.Context ctx) {
            return "";
        }

        /** What got through, seen after the attempt and before its cleanup; empty when nothing did. */
        Optional<String> breach(StudentShell shell, EscapeAttempts.Context ctx, String before, CommandResult result);
    }
}
