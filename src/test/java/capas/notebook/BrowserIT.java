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
 * A student's path through a real browser: open the notebook server, open a notebook, run all
 * cells from the menu, and see the rendered output.
 */
class BrowserIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void lessonNotebookDrawsTheLayerStackWithTheStudentsFileInTheBrowser() throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Path jupyterPath = NotebookRunner.installKernel();
        Path workspace = JupyterServer.workspaceWith(Path.of("notebooks", "03-almacenamiento-de-contenedores.ipynb"), TARGET.resolve("browser"));
        try (JupyterServer server = JupyterServer.start(workspace, jupyterPath, workspace.resolve("jupyter.log"))) {
            ChromeDriver browser = Browser.start(workspace.resolve("chromium-profile"));
            try {
                browser.get(server.api("/notebooks/03-almacenamiento-de-contenedores.ipynb").toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")));
                // Select the diagram cell, then "Run All Above" and "Run Cells" from the Cell menu, as a student would.
                browser.executeScript("var cells = Jupyter.notebook.get_cells();"
                        + "for (var i = 0; i < cells.length; i++) { var t = cells[i].metadata.tags || [];"
                        + " if (t.indexOf('diagram') >= 0) { Jupyter.notebook.select(i); break; } }");
                browser.findElement(By.id("celllink")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("run_all_cells_above"))).click();
                // Then the toolbar's Run button, on the diagram cell, once the cells above have finished.
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "return Jupyter.notebook.get_cells().some(function(c){ return (c.metadata.tags||[]).indexOf('comprueba-montaje') >= 0"
                        + " && typeof c.input_prompt_number === 'number'; })")));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")));
                browser.executeScript("var cells = Jupyter.notebook.get_cells();"
                        + "for (var i = 0; i < cells.length; i++) { var t = cells[i].metadata.tags || [];"
                        + " if (t.indexOf('diagram') >= 0) { Jupyter.notebook.select(i); break; } }");
                browser.findElement(By.cssSelector("button[data-jupyter-action='jupyter-notebook:run-cell-and-select-next']")).click();

                WebElement highlight = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".output_area svg g.capas-highlight")));
                assertThat(highlight.getText()).contains("/tmp/tmpfile.txt");
                WebElement figure = browser.findElement(By.cssSelector(".output_area figure.capas-diagram"));
                assertThat(figure.getText()).contains("Capa del contenedor").contains("Capa 1 de la imagen");
                assertThat(browser.findElements(By.cssSelector(".output_area .output_error"))).isEmpty();
                Files.write(TARGET.resolve("browser-03-diagrama.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
                new capas.podman.Podman(capas.store.Mode.ROOTFUL).removeIfLab("contenedor1");
            }
        }
    }

    @Test
    void preparationNotebookShowsTheDiagnosisTableInTheBrowser() throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Path jupyterPath = NotebookRunner.installKernel();
        Path workspace = JupyterServer.workspaceWith(Path.of("notebooks", "00-preparacion.ipynb"), TARGET.resolve("browser"));
        try (JupyterServer server = JupyterServer.start(workspace, jupyterPath, workspace.resolve("jupyter.log"))) {
            ChromeDriver browser = Browser.start(workspace.resolve("chromium-profile"));
            try {
                browser.get(server.api("/notebooks/00-preparacion.ipynb").toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kernel_indicator_icon.kernel_idle_icon")));
                assertThat(browser.findElement(By.id("kernel_indicator")).getText()).contains("Java (Capas)");

                browser.findElement(By.id("celllink")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("run_all_cells"))).click();

                WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".output_html .capas-diagnosis table")));
                assertThat(table.getText()).contains("Podman").contains("Almacén rootful");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#notebook-container"),
                        "El laboratorio puede funcionar"));
                Files.write(TARGET.resolve("browser-00-preparacion.png"), browser.getScreenshotAs(OutputType.BYTES));
            } finally {
                browser.quit();
            }
        }
    }
}
