package capas.notebook;

import capas.cli.JupyterInterface;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Jupyter Notebook 6.4's DOM, and its {@code Jupyter.notebook} object where the DOM has no handle. */
final class ClassicNotebookUi implements NotebookUi {
    private static final String CELL_TAGGED = "var cells = Jupyter.notebook.get_cells(); var found = -1;"
            + "for (var i = 0; i < cells.length; i++) { var t = cells[i].metadata.tags || [];"
            + " if (t.indexOf(arguments[0]) >= 0) { found = i; break; } }";

    @Override
    public JupyterInterface ui() {
        return JupyterInterface.NOTEBOOK;
    }

    @Override
    public void awaitKernelIdle(ChromeDriver browser, WebDriverWait wait) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")));
    }

    @Override
    public String kernelName(ChromeDriver browser) {
        return browser.findElement(By.id("kernel_indicator")).getText();
    }

    @Override
    public void selectCellTagged(ChromeDriver browser, String tag) {
        browser.executeScript(CELL_TAGGED + " Jupyter.notebook.select(found);", tag);
    }

    @Override
    public boolean hasRun(ChromeDriver browser, String tag) {
        return Boolean.TRUE.equals(browser.executeScript(CELL_TAGGED
                + " return found >= 0 && typeof cells[found].input_prompt_number === 'number';", tag));
    }

    @Override
    public void runAllAbove(ChromeDriver browser, WebDriverWait wait) {
        browser.findElement(By.id("celllink")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("run_all_cells_above"))).click();
    }

    @Override
    public void runAll(ChromeDriver browser, WebDriverWait wait) {
        browser.findElement(By.id("celllink")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("run_all_cells"))).click();
    }

    @Override
    public void runSelectedCell(ChromeDriver browser) {
        browser.findElement(By.cssSelector("button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']")).click();
    }

    @Override
    public void appendCell(ChromeDriver browser, String code) {
        browser.executeScript("var nb = Jupyter.notebook; var cell = nb.insert_cell_at_bottom('code'); cell.set_text(arguments[0]);"
                + " nb.select(nb.ncells() - 1); nb.edit_mode(); cell.code_mirror.execCommand('goDocEnd');", code);
    }

    @Override
    public void typeInSelectedCell(ChromeDriver browser, CharSequence... keys) {
        browser.findElement(By.cssSelector(".cell.selected .CodeMirror textarea")).sendKeys(keys);
    }

    @Override
    public List<String> completions(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#complete select option")).stream().map(WebElement::getText).toList();
    }

    @Override
    public String tooltip(ChromeDriver browser) {
        // Notebook 6.4 keeps one #tooltip and hides it between requests: hidden, its text reads empty.
        return browser.findElements(By.cssSelector("#tooltip .tooltiptext")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + b);
    }

    @Override
    public void stop(ChromeDriver browser) {
        browser.findElement(By.cssSelector("button[data-jupyter-action='jupyter-notebook:interrupt-kernel']")).click();
    }

    @Override
    public String selectedCellOutput(ChromeDriver browser) {
        return browser.findElements(By.cssSelector(".cell.selected .output_area")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    @Override
    public boolean anyErrorOutput(ChromeDriver browser) {
        return !browser.findElements(By.cssSelector(".output_area .output_error")).isEmpty();
    }

    @Override
    public By inOutput(String css) {
        return By.cssSelector(".output_area " + css);
    }

    @Override
    public By notebook() {
        return By.cssSelector("#notebook-container");
    }
}
