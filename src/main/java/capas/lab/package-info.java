/**
 * The notebook facade. {@link capas.lab.Capas#rootful()} and {@link capas.lab.Capas#rootless()}
 * give one podman mode ({@code mode()}, {@code podman()}, {@code graphRoot()}) and its store's
 * records ({@code store()}: containers, images, layers and where each lives, one snapshot per
 * call); everything else a lesson asks is in one of six views, each one concept, grouped the way
 * the notebooks and prácticas use them:
 *
 * <ul>
 *   <li>{@link capas.lab.StoreFiles} ({@code lab.files()}): the store's files read with this
 *       mode's rights ({@code ls -ln}, {@code test -e}, {@code cat}; lessons 02 and 03 check
 *       {@code l/}, {@code link}, {@code lower}, {@code userdata} by hand), and a folder as the
 *       containers' namespace sees it.</li>
 *   <li>{@link capas.lab.Layers} ({@code lab.layers()}): layer stacks and the question every
 *       lesson asks, which layer serves a file: {@code locate}, {@code whichLayer},
 *       {@code changes}, and the same answers drawn ({@code diagram}, {@code explore}).</li>
 *   <li>{@link capas.lab.Mounts} ({@code lab.mounts()}): the host's mount table and the
 *       containers' namespace's (where rootless overlays live), and a container's overlay.</li>
 *   <li>{@link capas.lab.UserIds} ({@code lab.ids()}): uid and gid maps, this user's ids and
 *       subordinate ranges, who owns a file on each side (lesson 04, práctica 6).</li>
 *   <li>{@link capas.lab.Processes} ({@code lab.processes()}): rootless podman's pause process,
 *       a container's first process, and the namespaces they share (lesson 04).</li>
 *   <li>{@link capas.lab.Tables} ({@code lab.tables()}): records and folders as tables for a
 *       cell ({@code containers.json}, sizes, {@code userdata}, changes, owners).</li>
 * </ul>
 *
 * <p>The views share one snapshot source and the mode's inspectors (the {@code sudo} or
 * {@code podman unshare} probes); they hold no state of their own. Diagrams live with
 * {@link capas.lab.Layers} because they draw its answers; tables are apart because they are the
 * only place that turns records into Spanish column headings.
 * Uses context, podman, store and render.
 */
package capas.lab;
