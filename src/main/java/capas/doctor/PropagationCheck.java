package capas.doctor;

import capas.Messages;
import capas.os.Mount;

/** Whether {@code /} is a shared mount, which rootless podman expects (it warns on every command otherwise). */
final class PropagationCheck implements HostCheck {
    private static final Messages M = Messages.of(PropagationCheck.class);
    private final Host host;

    PropagationCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.propagation");
        // The last mount on / is the one in effect; an unreadable table is given the benefit of the doubt.
        boolean shared = host.read(Mount.SELF).flatMap(table -> Mount.parse(table.lines().toList()).stream()
                .filter(m -> m.mountPoint().equals("/")).reduce((a, b) -> b)).map(Mount::shared).orElse(true);
        return shared ? Check.ok(topic, M.get("propagation.ok"))
                : Check.warn(topic, M.get("propagation.private"), "sudo mount --make-rshared /").repairedBy(Repairs.sharedRoot());
    }
}
