/**
 * The notebook facade: {@link capas.lab.Capas#rootful()} and {@link capas.lab.Capas#rootless()}
 * answer the lessons' questions (which layer serves a file, the mount, the owners, the diagram)
 * from one snapshot of the real store per call, and, rootless, the namespaces of podman's pause
 * process and of each container, both mount tables and the subordinate ids. Uses context, podman, store and render.
 */
package capas.lab;
