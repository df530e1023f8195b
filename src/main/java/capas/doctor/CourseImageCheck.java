package capas.doctor;

import capas.Messages;
import capas.Mode;

/** The course's image in one store: {@code ./lab} builds it offline when it is missing. */
final class CourseImageCheck implements HostCheck {
    private static final Messages M = Messages.of(CourseImageCheck.class);
    private final Host host;
    private final boolean rootful;
    private final boolean storeReachable;
    private final String image;

    CourseImageCheck(Host host, boolean rootful, boolean storeReachable, String image) {
        this.host = host;
        this.rootful = rootful;
        this.storeReachable = storeReachable;
        this.image = image;
    }

    @Override
    public Check run() {
        String topic = M.get(rootful ? "topic.image.rootful" : "topic.image.rootless");
        if (!storeReachable) {
            return Check.warn(topic, M.get("image.store.unreachable", image), "./lab");
        }
        return host.podman(rootful ? Mode.ROOTFUL : Mode.ROOTLESS, "image", "exists", image).ok()
                ? Check.ok(topic, M.get("image.present", image))
                : Check.warn(topic, M.get("image.missing", image), "./lab");
    }
}
