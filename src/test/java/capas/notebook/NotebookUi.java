package capas.notebook;

import capas.cli.JupyterInterface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do with an open notebook, in the words of a student (run the cells above,
 * run this cell, complete with Tab, documentation with Shift-Tab, Stop), for each interface {@code ./lab} may open: the one
 * place where Notebook 6.4's DOM and JupyterLab 4's differ.
 */
interface NotebookUi {
    /** The one {@code ./lab} opens on this machine ({@link JupyterInterface#ofThisMachine()}). */
    static NotebookUi ofThisMachine() {
        return of(JupyterInterface.ofThisMachine());
    }

    static NotebookUi of(JupyterInterface ui) {
        return ui == JupyterInterface.LAB ? new JupyterLabUi() : new ClassicNotebookUi();
    }

    JupyterInterface ui();

    /** Environment for the test's server, prepared in {@code workspace} (JupyterLab's settings). */
    default Map<String, String> serverEnvironment(Path workspace) throws IOException {
        return Map.of();
    }

    /** Server options the test needs beyond {@code ./lab}'s. */
    default List<String> serverOptions() {
        return List.of();
    }

    /** Waits until the notebook is shown and its kernel is idle. */
    void awaitKernelIdle(ChromeDriver browser, WebDriverWait wait);

    /** The kernel's name as the interface shows it. */
    String kernelName(ChromeDriver browser);

    /** Makes the first cell tagged {@code tag} the selected one. */
    void selectCellTagged(ChromeDriver browser, String tag);

    /** Whether the first cell tagged {@code tag} has run (it has an execution count). */
    boolean hasRun(ChromeDriver browser, String tag);

    /** Runs every cell above the selected one, from the menus. */
    void runAllAbove(ChromeDriver browser, WebDriverWait wait);

    /** Runs every cell, from the menus. */
    void runAll(ChromeDriver browser, WebDriverWait wait);

    /** Runs the selected cell with the toolbar's Run button. */
    void runSelectedCell(ChromeDriver browser);

    /** Adds a code cell at the end holding {@code code}, selected, in edit mode. */
    void appendCell(ChromeDriver browser, String code);

    /** Types {@code keys} at the end of the selected cell. */
    void typeInSelectedCell(ChromeDriver browser, CharSequence... keys);

    /** The entries of the completion list now shown (empty while none is). */
    List<String> completions(ChromeDriver browser);

    /** The text of the documentation tooltip (Shift-Tab: the kernel's inspect reply) now shown (empty while none is). */
    String tooltip(ChromeDriver browser);

    /** The toolbar's Stop (interrupt the kernel) button. */
    void stop(ChromeDriver browser);

    /** The text of the selected cell's outputs. */
    String selectedCellOutput(ChromeDriver browser);

    /** Whether any cell's outputs hold an error. */
    boolean anyErrorOutput(ChromeDriver browser);

    /** An element inside a cell's output, by CSS. */
    By inOutput(String css);

    /** The whole notebook, for its text. */
    By notebook();
}
