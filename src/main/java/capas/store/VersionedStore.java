package capas.store;

/**
 * A store snapshot's version, and the snapshot itself unless the asker already has it: lets a
 * probe answer "has the store changed?" in a few bytes and send the whole store only when it has.
 *
 * @param version the token of {@link StoreSnapshots#version()}
 * @param store   the snapshot, or {@code null} when the asker's version is this one
 */
public record VersionedStore(String version, Store store) {
}
