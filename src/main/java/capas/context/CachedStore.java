package capas.context;

import capas.store.Store;
import capas.store.VersionedStore;

/**
 * The store snapshot last fetched from an {@link Inspector}, fetched again only when the
 * inspector reports a new version. Through a probe, an unchanged store costs one round trip
 * of a few bytes instead of the whole store in JSON; in process, the same object comes back.
 */
public final class CachedStore {
    private final Inspector inspector;
    private String version = "";
    private Store store;

    public CachedStore(Inspector inspector) {
        this.inspector = inspector;
    }

    /** The store as it is now. */
    public synchronized Store current() {
        VersionedStore answer = inspector.storeIfChanged(store == null ? "" : version);
        if (answer.store() != null) {
            store = answer.store();
            version = answer.version();
        }
        return store;
    }
}
