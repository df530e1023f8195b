/**
 * The containers/storage model, read from disk: {@link capas.store.Store} joins
 * {@code containers.json}, {@code images.json}, {@code layers.json}, the {@code overlay/} tree
 * and its {@code l/} short links. Only reads; never takes podman's locks.
 */
package capas.store;
