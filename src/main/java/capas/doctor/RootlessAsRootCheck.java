package capas.doctor;

import capas.Messages;

/** Root cannot do the rootless half of the course: said once, with where to go instead. */
final class RootlessAsRootCheck implements HostCheck {
    private static final Messages M = Messages.of(RootlessAsRootCheck.class);

    @Override
    public Check run() {
        return Check.warn(M.get("topic.rootless"), M.get("rootless.as.root"), "./lab");
    }
}
