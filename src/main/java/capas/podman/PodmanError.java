package capas.podman;

import capas.CapasException;
import capas.CapasException.Kind;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.SudoRefusal;
import java.util.List;

/**
 * The one place that reads podman's (English) error output and says in Spanish what it means,
 * with the {@link Kind} code can act on. Podman's own words are quoted, never replaced: a
 * student who searches for them finds podman's documentation.
 */
final class PodmanError {
    private static final Messages M = Messages.of(PodmanError.class);

    private PodmanError() {
    }

    /** Why podman (or sudo before it) could not run at all, or {@code null} if it ran. */
    static CapasException ofStart(CommandResult result, boolean throughSudo) {
        if (result.exitCode() == 127) {
            return new CapasException(Kind.PODMAN_MISSING, M.get("podman.missing"), M.get("podman.missing.hint"));
        }
        if (throughSudo && !result.ok() && SudoRefusal.in(result.err())) {
            return new CapasException(Kind.SUDO_PASSWORD, M.get("sudo.password"), M.get("sudo.password.hint"));
        }
        if (result.exitCode() == 124) {
            return new CapasException(Kind.TIMEOUT, M.get("podman.timeout"), M.get("podman.timeout.hint"));
        }
        if (result.exitCode() == 130 && "interrupted".equals(result.err())) {
            return new CapasException(Kind.INTERRUPTED, M.get("podman.interrupted"));
        }
        return null;
    }

    /**
     * What a failed podman command means.
     *
     * @param what  what was being done, in Spanish ("borrar la imagen x")
     * @param args  podman's arguments, for the hint
     */
    static CapasException of(String what, List<String> args, CommandResult result) {
        String err = result.err();
        String said = lastLine(err);
        Kind kind = kindOf(err);
        String target = args.isEmpty() ? "" : args.get(args.size() - 1);
        return switch (kind) {
            case UNKNOWN_CONTAINER -> new CapasException(kind, M.get("no.such.container", target, said), M.get("no.such.container.hint"));
            case UNKNOWN_IMAGE -> new CapasException(kind, M.get("no.such.image", target, said), M.get("no.such.image.hint"));
            case AMBIGUOUS_NAME -> new CapasException(kind, M.get("ambiguous", target, said), M.get("ambiguous.hint"));
            case IMAGE_IN_USE -> new CapasException(kind, M.get("rmi.in.use", target, said), M.get("rmi.in.use.hint"));
            case NAME_TAKEN -> new CapasException(kind, M.get("name.in.use", said), M.get("name.in.use.hint"));
            case NOT_RUNNING -> new CapasException(kind, M.get("not.running", said), M.get("not.running.hint"));
            default -> new CapasException(Kind.PODMAN_FAILED, M.get("podman.failed", what, said),
                    M.get("podman.failed.hint", String.join(" ", args)));
        };
    }

    /** The kind of podman's complaint, from its error text (podman 4 wording). */
    static Kind kindOf(String err) {
        String e = err.toLowerCase(java.util.Locale.ROOT);
        if (e.contains("more than one result") || e.contains("multiple") && e.contains("match")) {
            return Kind.AMBIGUOUS_NAME;
        }
        if (e.contains("image used by") || e.contains("in use by a container") || e.contains("image is in use")) {
            return Kind.IMAGE_IN_USE;
        }
        if (e.contains("no such container") || e.contains("no container with name or id") || e.contains("no such object")) {
            return Kind.UNKNOWN_CONTAINER;
        }
        if (e.contains("image not known") || e.contains("no such image") || e.contains("failed to find image")) {
            return Kind.UNKNOWN_IMAGE;
        }
        if (e.contains("is already in use") && e.contains("name")) {
            return Kind.NAME_TAKEN;
        }
        if (e.contains("is not running") || e.contains("container state improper")) {
            return Kind.NOT_RUNNING;
        }
        return Kind.PODMAN_FAILED;
    }

    static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).replaceFirst("^Error: ", "");
    }
}
