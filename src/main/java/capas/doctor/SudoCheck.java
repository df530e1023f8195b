package capas.doctor;

import capas.Messages;

/** sudo without a password: how the notebooks reach the rootful half of the lessons. */
final class SudoCheck implements HostCheck {
    private static final Messages M = Messages.of(SudoCheck.class);
    private final Host host;

    SudoCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.sudo");
        if (host.identity().root()) {
            return Check.ok(topic, M.get("sudo.root"));
        }
        if (host.which("sudo").isEmpty()) {
            return Check.warn(topic, M.get("sudo.missing"), "su -c 'apt install sudo && usermod -aG sudo " + host.identity().user() + "'");
        }
        return host.run("sudo", "-n", "true").ok()
                ? Check.ok(topic, M.get("sudo.ok"))
                : Check.warn(topic, M.get("sudo.password"), "sudo -v");
    }
}
