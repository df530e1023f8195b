package capas.notebook;

import capas.cli.JupyterInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * JupyterLab 4's DOM. Where the DOM has no handle (which cell carries a tag, its execution count)
 * it asks the application object, which the test's server exposes as {@code window.jupyterapp};
 * the Run menu's entries are its commands, run the same way.
 */
final class JupyterLabUi implements NotebookUi {
    private static final String NOTEBOOK = "var nb = window.jupyterapp.shell.currentWidget.content;";
    private static final String CELL_TAGGED = NOTEBOOK + " var found = -1;"
            + " for (var i = 0; i < nb.widgets.length; i++) { var md = nb.widgets[i].model.sharedModel.getMetadata() || {};"
            + " if ((md.tags || []).indexOf(arguments[0]) >= 0) { found = i; break; } }";
    /** The active cell's editor, where a student types. */
    private static final By ACTIVE_EDITOR = By.cssSelector(".jp-Notebook .jp-Cell.jp-mod-active .cm-content");

    @Override
    public JupyterInterface ui() {
        return JupyterInterface.LAB;
    }

    /**
     * A settings folder of the test's own: every cell in the DOM (JupyterLab 4 leaves cells out
     * of view unrendered, and the test looks for outputs far down) and no news pop-up over the toolbar.
     */
    @Override
    public Map<String, String> serverEnvironment(Path workspace) throws IOException {
        Path settings = workspace.resolve("lab-settings");
        Path notebook = Files.createDirectories(settings.resolve("@jupyterlab/notebook-extension"));
        Files.writeString(notebook.resolve("tracker.jupyterlab-settings"), "{\"windowingMode\": \"none\"}\n");
        Path apputils = Files.createDirectories(settings.resolve("@jupyterlab/apputils-extension"));
        Files.writeString(apputils.resolve("notification.jupyterlab-settings"), "{\"fetchNews\": \"false\", \"checkForUpdates\": false}\n");
        return Map.of("JUPYTERLAB_SETTINGS_DIR", settings.toString(),
                "JUPYTERLAB_WORKSPACES_DIR", Files.createDirectories(workspace.resolve("lab-workspaces")).toString());
    }

    @Override
    public List<String> serverOptions() {
        return List.of("--LabApp.expose_app_in_browser=True");
    }

    @Override
    public void awaitKernelIdle(ChromeDriver browser, WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(browser.executeScript("var app = window.jupyterapp; if (!app) { return false; }"
                + " var w = app.shell.currentWidget; if (!w || !w.sessionContext || !w.content) { return false; }"
                + " var s = w.sessionContext.session; return !!(s && s.kernel && s.kernel.status === 'idle'"
                + " && w.content.widgets.length > 0 && !w.sessionContext.pendingInput);")));
    }

    @Override
    public String kernelName(ChromeDriver browser) {
        return String.valueOf(browser.executeScript("return window.jupyterapp.shell.currentWidget.sessionContext.kernelDisplayName;"));
    }

    @Override
    public void selectCellTagged(ChromeDriver browser, String tag) {
        browser.executeScript(CELL_TAGGED + " nb.mode = 'command'; nb.activeCellIndex = found; nb.deselectAll();", tag);
    }

    @Override
    public boolean hasRun(ChromeDriver browser, String tag) {
        return Boolean.TRUE.equals(browser.executeScript(CELL_TAGGED
                + " return found >= 0 && typeof nb.widgets[found].model.executionCount === 'number';", tag));
    }

    @Override
    public void runAllAbove(ChromeDriver browser, WebDriverWait wait) {
        command(browser, "notebook:run-all-above");
    }

    @Override
    public void runAll(ChromeDriver browser, WebDriverWait wait) {
        command(browser, "notebook:run-all-cells");
    }

    @Override
    public void runSelectedCell(ChromeDriver browser) {
        toolbarButton(browser, "notebook:run-cell-and-select-next").click();
    }

    @Override
    public void appendCell(ChromeDriver browser, String code) {
        browser.executeScript(NOTEBOOK + " var code = arguments[0]; nb.mode = 'command'; nb.activeCellIndex = nb.widgets.length - 1; nb.deselectAll();"
                + " return window.jupyterapp.commands.execute('notebook:insert-cell-below').then(function () {"
                + " var cell = nb.activeCell; cell.model.sharedModel.setSource(code); nb.mode = 'edit';"
                + " cell.editor.setCursorPosition(cell.editor.getPositionAt(code.length)); cell.editor.focus(); });", code);
    }

    @Override
    public void typeInSelectedCell(ChromeDriver browser, CharSequence... keys) {
        browser.findElement(ACTIVE_EDITOR).sendKeys(keys);
    }

    @Override
    public List<String> completions(ChromeDriver browser) {
        return browser.findElements(By.cssSelector(".jp-Completer .jp-Completer-item")).stream().map(WebElement::getText).toList();
    }

    @Override
    public String tooltip(ChromeDriver browser) {
        return browser.findElements(By.cssSelector(".jp-Tooltip")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + b);
    }

    @Override
    public void stop(ChromeDriver browser) {
        toolbarButton(browser, "notebook:interrupt-kernel").click();
    }

    @Override
    public String selectedCellOutput(ChromeDriver browser) {
        return browser.findElements(By.cssSelector(".jp-Notebook .jp-Cell.jp-mod-active .jp-OutputArea")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    @Override
    public boolean anyErrorOutput(ChromeDriver browser) {
        return Boolean.TRUE.equals(browser.executeScript(NOTEBOOK + " return nb.widgets.some(function (c) {"
                + " return c.model.type === 'code' && c.model.outputs.toJSON().some(function (o) { return o.output_type === 'error'; }); });"));
    }

    @Override
    public By inOutput(String css) {
        return By.cssSelector(".jp-OutputArea-output " + css);
    }

    @Override
    public By notebook() {
        return By.cssSelector(".jp-Notebook");
    }

    private static void command(ChromeDriver browser, String id) {
        // Not awaited: running every cell takes longer than a script may.
        browser.executeScript("window.jupyterapp.commands.execute(arguments[0]); return null;", id);
    }

    private static WebElement toolbarButton(ChromeDriver browser, String command) {
        return browser.findElement(By.cssSelector(".jp-NotebookPanel-toolbar [data-command='" + command + "']"));
    }
}
