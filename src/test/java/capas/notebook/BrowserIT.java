package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student's path through a real browser: open the notebook server, open a notebook, run
 * cells from the menus, and see the rendered output.
 */
class BrowserIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String SELECT_DIAGRAM_CELL = "var cells = Jupyter.notebook.get_cells();"
            + "for (var i = 0; i < cells.length; i++) { var t = cells[i].metadata.tags || [];"
            + " if (t.indexOf('diagram') >= 0) { Jupyter.notebook.select(i); break; } }";

    /** What a test does with a notebook open in the browser, its kernel ready. */
    private interface Steps {
        void run(ChromeDriver browser, WebDriverWait wait) throws Exception;
    }

    /** Serves a copy of {@code notebook}, opens it in Chromium, waits for the kernel, runs {@code steps}, saves a screenshot. */
    private static void inBrowser(String notebook, String screenshot, Steps steps) throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Path jupyterPath = NotebookRunner.installKernel();
        Path workspace = JupyterServer.workspaceWith(Path.of("notebooks", notebook), TARGET.resolve("browser"));
        try (JupyterServer server = JupyterServer.start(workspace, jupyterPath, workspace.resolve("jupyter.log"))) {
            ChromeDriver browser = Browser.start(workspace.resolve("chromium-profile"));
            try {
                browser.get(server.api("/notebooks/" + notebook).toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")));
                assertThat(browser.findElement(By.id("kernel_indicator")).getText()).contains("Java (Capas)");
                steps.run(browser, wait);
                Files.write(TARGET.resolve(screenshot), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void lessonNotebookDrawsTheLayerStackWithTheStudentsFileInTheBrowser() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        try {
            inBrowser("03-almacenamiento-de-contenedores.ipynb", "browser-03-diagrama.png", (browser, wait) -> {
                // Select the diagram cell and use Cell > Run All Above, as a student would...
                browser.executeScript(SELECT_DIAGRAM_CELL);
                browser.findElement(By.id("celllink")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("run_all_cells_above"))).click();
                // ...then the toolbar's Run button on the diagram cell, once the cells above have finished.
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "return Jupyter.notebook.get_cells().some(function(c){ return (c.metadata.tags||[]).indexOf('comprueba-montaje') >= 0"
                        + " && typeof c.input_prompt_number === 'number'; })")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")));
                browser.executeScript(SELECT_DIAGRAM_CELL);
                browser.findElement(By.cssSelector("button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']")).click();

                WebElement highlight = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".output_area svg g.capas-highlight")));
                assertThat(highlight.getText()).contains("/tmp/tmpfile.txt");
                WebElement figure = browser.findElement(By.cssSelector(".output_area figure.capas-diagram"));
                assertThat(figure.getText()).contains("Capa del contenedor").contains("Capa 1 de la imagen");
                assertThat(browser.findElements(By.cssSelector(".output_area .output_error"))).isEmpty();
            });
        } finally {
            new capas.podman.Podman(capas.Mode.ROOTFUL).removeIfLab("contenedor1");
        }
    }

    @Test
    void preparationNotebookShowsTheDiagnosisTableInTheBrowser() throws Exception {
        inBrowser("00-preparacion.ipynb", "browser-00-preparacion.png", (browser, wait) -> {
            browser.findElement(By.id("celllink")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("run_all_cells"))).click();

            WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".output_html .capas-status table")));
            assertThat(table.getText()).contains("Podman").contains("Almacén rootful");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#notebook-container"), "El laboratorio puede funcionar"));
        });
    }
}
