/**
 * The Jupyter kernel: JShell cells in the kernel's own JVM next to the Capas library, shell
 * magics for the course's commands, rich display of {@link capas.render.Displayable}, interrupt,
 * completion and inspection, and the kernelspec installer. Only this package sees jjava.
 */
package capas.kernel;
