/**
 * The podman command line, always as argument lists (never a shell string), with the lab's
 * label on everything it creates and podman's errors explained in Spanish.
 */
package capas.podman;
