/**
 * The containers/storage model, read from disk: {@link capas.store.Store} joins
 * {@code containers.json}, {@code images.json}, {@code layers.json}, the {@code overlay/} tree
 * and its {@code l/} short links, all found through {@link capas.store.OverlayLayout}.
 * {@link capas.store.StoreSnapshots} keeps the latest snapshot and reads an index again only when
 * its lock file names a new last writer or its JSON file changed. Only reads; never takes
 * podman's locks (it reads their contents).
 */
package capas.store;
