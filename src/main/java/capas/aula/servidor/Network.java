package capas.aula.servidor;

import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import java.util.List;
import java.util.Map;

/**
 * The rootful podman network of the students' containers: the Hub reaches each notebook server
 * on it, and the containers reach the Hub's API at its gateway. Made once, labelled as the lab's.
 */
public final class Network {
    private static final Messages M = Messages.of(Network.class);
    public static final String NAME = "capas-aula";

    private Network() {
    }

    /** Creates the network unless it exists; returns its gateway's address. */
    public static String ensure() {
        if (!Commands.run(List.of("podman", "network", "exists", NAME), Map.of(), 60).ok()) {
            CommandResult made = Commands.run(List.of("podman", "network", "create", "--label", "capas.lab=1", NAME), Map.of(), 60);
            if (!made.ok()) {
                throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("network.failed", NAME, made.firstLine()));
            }
        }
        CommandResult gateway = Commands.run(List.of("podman", "network", "inspect", "--format",
                "{{range .Subnets}}{{.Gateway}} {{end}}", NAME), Map.of(), 60);
        String first = gateway.ok() ? gateway.out().strip().split("\\s+")[0] : "";
        if (first.isEmpty()) {
            throw new CapasException(CapasException.Kind.PODMAN_FAILED, M.get("network.gateway", NAME, gateway.firstLine()));
        }
        return first;
    }
}
