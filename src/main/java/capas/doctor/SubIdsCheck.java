package capas.doctor;

import capas.Messages;
import capas.os.Identity;
import capas.os.SubIds;
import java.util.List;

/**
 * The user's subordinate uids and gids, which rootless podman maps into its user namespace.
 * Where {@code nsswitch.conf} takes them from a directory service ({@code subid: sss}) the
 * files prove nothing, so an empty {@code /etc/subuid} is no error there.
 */
final class SubIdsCheck implements HostCheck {
    private static final Messages M = Messages.of(SubIdsCheck.class);
    private final Host host;

    SubIdsCheck(Host host) {
        this.host = host;
    }

    @Override
    public Check run() {
        String topic = M.get("topic.subids");
        Identity me = host.identity();
        List<String> uidLines = lines(SubIds.SUBUID);
        List<String> gidLines = lines(SubIds.SUBGID);
        List<SubIds.Range> uids = SubIds.of(uidLines, me.user(), me.uid());
        List<SubIds.Range> gids = SubIds.of(gidLines, me.user(), me.uid());
        if (!uids.isEmpty() && !gids.isEmpty()) {
            return Check.ok(topic, M.get("subids.found", text(uids.get(0)), text(gids.get(0))));
        }
        if (SubIds.fromDirectoryService(lines(SubIds.NSSWITCH))) {
            return Check.ok(topic, M.get("subids.directory"));
        }
        return Check.error(topic, M.get("subids.missing", me.user()),
                "sudo " + SubIds.addCommand(SubIds.suggestion(uidLines, gidLines), me.user()));
    }

    private List<String> lines(java.nio.file.Path file) {
        return host.read(file).map(text -> text.lines().toList()).orElse(List.of());
    }

    /** As the files write it: {@code start:count}. */
    private static String text(SubIds.Range range) {
        return range.start() + ":" + range.count();
    }
}
