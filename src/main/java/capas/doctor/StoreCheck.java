package capas.doctor;

import capas.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A store of one mode, as podman reports it: reachable, and on the overlay driver the course studies. */
final class StoreCheck implements HostCheck {
    private static final Messages M = Messages.of(StoreCheck.class);
    private final Host host;
    private final boolean rootful;
    private final Optional<JsonNode> info;

    /** @param info what {@code podman info} said in this mode ({@link PodmanInfo}) */
    StoreCheck(Host host, boolean rootful, Optional<JsonNode> info) {
        this.host = host;
        this.rootful = rootful;
        this.info = info;
    }

    @Override
    public Check run() {
        String topic = M.get(rootful ? "topic.store.rootful" : "topic.store.rootless");
        if (info.isEmpty()) {
            return rootful
                    ? Check.warn(topic, M.get("store.rootful.unreachable"), "./lab doctor (" + M.get("store.as.sudoer") + ")")
                    : Check.error(topic, M.get("store.rootless.unreachable"), "podman info");
        }
        JsonNode store = info.get().path("store");
        String driver = store.path("graphDriverName").asText("?");
        String graphRoot = store.path("graphRoot").asText("?");
        if ("overlay".equals(driver)) {
            return Check.ok(topic, M.get("store.overlay", graphRoot, store.path("runRoot").asText("?")));
        }
        return Check.warn(topic, M.get("store.not.overlay", driver, graphRoot), M.get("store.fix", StorageConf.toChange(host, rootful)));
    }
}
