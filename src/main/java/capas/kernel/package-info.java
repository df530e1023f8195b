/**
 * The Jupyter kernel: JShell cells in the kernel's own JVM next to the Capas library, shell
 * magics for the course's commands, rich display of {@link capas.render.Displayable}, interrupt,
 * completion and inspection, and the kernelspec installer. Only this package sees jjava.
 *
 * <p>Install: {@code java -jar target/capas.jar kernelspec ~/.local/share/jupyter/kernels}
 * copies the jar and its libraries into {@code capas/} there, writes {@code kernel.json}
 * (display name "Java (Capas)", {@code interrupt_mode: message}) and records an AppCDS archive
 * from a warm-up run ({@link capas.kernel.Warmup}); rerun it after every build.
 *
 * <p>Cells: Java snippets (the last expression is the result); {@code %%bash} / {@code %%sh}
 * cells and {@code %sh} lines run shell commands with output streamed as it comes; a non-zero
 * exit status fails the cell. {@code display(x)} shows a value before the cell ends.
 *
 * <p>Stop: a Java cell's thread is interrupted (sleep, I/O and the library's commands end) and
 * the snippet's own code, which {@link capas.kernel.SnippetPolls} gave a poll on every loop turn
 * and method entry as JShell loaded it, throws at its next poll; no {@code Thread.stop}, so it
 * works alike on JDK 17, 21 and 25. Threads a cell starts itself are not stopped.
 *
 * <p>Startup benchmark: {@code /usr/bin/python3 src/test/bench/kernel_startup.py --kernels-dir DIR}
 * where {@code DIR/kernels/capas} is an installed kernel.
 */
package capas.kernel;
