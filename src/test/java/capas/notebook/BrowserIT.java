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
