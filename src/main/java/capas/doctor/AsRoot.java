package capas.doctor;

import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.Posix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the commands of a {@link Repair} as root: directly when we are root, else through {@code sudo -n}. */
@FunctionalInterface
public interface AsRoot {
    /** A machine fix must not hang the launcher. */
    long TIMEOUT_SECONDS = 60;

    /**
     * Runs {@code argv} as root.
     *
     * @throws CapasException when it fails, quoting what the command said
     */
    void run(List<String> argv);

    /**
     * How this process can act as root, if it may: as root itself, or through {@code sudo -n}
     * when the launcher was started by root and handed over to the lab user ({@code fromRoot}).
     * Anyone else must ask explicitly, as root.
     */
    static AsRoot forThisProcess(boolean fromRoot) {
        Messages m = Messages.of(AsRoot.class);
        if (Posix.isRoot()) {
            return argv -> runChecked(argv);
        }
        if (fromRoot) {
            return argv -> {
                List<String> sudo = new ArrayList<>(List.of("sudo", "-n"));
                sudo.addAll(argv);
                runChecked(sudo);
            };
        }
        throw new CapasException(CapasException.Kind.ENVIRONMENT, m.get("asroot.refused"), m.get("asroot.refused.hint"));
    }

    private static void runChecked(List<String> argv) {
        CommandResult result = Commands.run(argv, Map.of("LC_ALL", "C"), TIMEOUT_SECONDS);
        if (!result.ok()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT,
                    Messages.of(AsRoot.class).get("asroot.failed", String.join(" ", argv), result.firstLine()));
        }
    }
}
