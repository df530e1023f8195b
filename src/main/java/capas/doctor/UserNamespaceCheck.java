package capas.doctor;

import capas.Messages;
import capas.os.CommandResult;
import java.util.List;

/** Whether rootless podman can enter its user and mount namespaces ({@code podman unshare}). */
final class UserNamespaceCheck implements HostCheck {
    private static final Messages M = Messages.of(UserNamespaceCheck.class);
    private final Host host;

    UserNamespaceCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        CommandResult unshare = host.run("podman", "unshare", "true");
        return unshare.ok()
                ? Check.ok(M.get("topic.userns"), M.get("userns.ok"))
                : Check.error(M.get("topic.userns"), M.get("userns.failed", lastLine(unshare.err())),
                        "sudo apt install uidmap  ·  podman system migrate");
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
