package capas.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * What notebook cells call without importing anything (the kernel imports it statically at
 * startup).
 */
public final class Notebook {
    private Notebook() {
    }

    /**
     * Shows {@code value} below the cell now, before the cell ends: a
     * {@link capas.render.Displayable} as HTML or SVG, anything else as text.
     */
    public static void display(Object value) {
        System.out.flush();
        System.err.flush();
        BaseKernel.notebookKernel().display(Displays.of(value));
    }
}
