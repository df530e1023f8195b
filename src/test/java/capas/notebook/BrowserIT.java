package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A student's path through a real browser: open the notebook server, open a notebook, run
 * cells from the menus, and see the rendered output; complete with Tab; read a method's
 * documentation with Shift-Tab; stop a running cell.
 * In the interface {@code ./lab} opens on this machine (JupyterLab 4 where installed, else
 * Notebook 6.4): {@link NotebookUi} is where the two differ.
 */
class BrowserIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final NotebookUi UI = NotebookUi.ofThisMachine();

    /** What a test does with a notebook open in the browser, its kernel ready. */
    private interface Steps {
        void run(ChromeDriver browser, WebDriverWait wait) throws Exception;
    }

    /** Serves a copy of {@code notebook}, opens it in Chromium, waits for the kernel, runs {@code steps}, saves a screenshot. */
    private static void inBrowser(String notebook, String screenshot, Steps steps) throws Exception {
        Prerequisites.requireExecutable("/usr/bin/jupyter");
        Path jupyterPath = NotebookRunner.installKernel();
        Path workspace = JupyterServer.workspaceWith(Path.of("notebooks", notebook), TARGET.resolve("browser"));
        System.out.println("BrowserIT: " + UI.ui().title() + " (" + UI.ui().notebookPath(notebook) + ")");
        try (JupyterServer server = JupyterServer.start(UI.ui(), workspace, jupyterPath, workspace.resolve("jupyter.log"),
                UI.serverEnvironment(workspace), UI.serverOptions().toArray(String[]::new))) {
            ChromeDriver browser = Browser.start(workspace.resolve("chromium-profile"));
            try {
                browser.get(server.api(UI.ui().notebookPath(notebook)).toString());
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
                UI.awaitKernelIdle(browser, wait);
                assertThat(UI.kernelName(browser)).contains("Java (Capas)");
                try {
                    steps.run(browser, wait);
                } finally {
                    Files.write(TARGET.resolve(screenshot), browser.getScreenshotAs(OutputType.BYTES));
                }
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
                // Select the diagram cell and run every cell above it from the menu, as a student would...
                UI.selectCellTagged(browser, "diagram");
                UI.runAllAbove(browser, wait);
                // ...then the toolbar's Run button on the diagram cell, once the cells above have finished.
                wait.until(d -> UI.hasRun(browser, "comprueba-montaje"));
                UI.awaitKernelIdle(browser, wait);
                UI.selectCellTagged(browser, "diagram");
                UI.runSelectedCell(browser);

                WebElement highlight = wait.until(ExpectedConditions.presenceOfElementLocated(UI.inOutput("svg g.capas-highlight")));
                assertThat(highlight.getText()).contains("/tmp/tmpfile.txt");
                WebElement figure = browser.findElement(UI.inOutput("figure.capas-diagram"));
                assertThat(figure.getText()).contains("Capa del contenedor").contains("Capa 1 de la imagen");
                assertThat(UI.anyErrorOutput(browser)).isFalse();
            });
        } finally {
            new capas.podman.Podman(capas.Mode.ROOTFUL).removeIfLab("contenedor1");
        }
    }

    @Test
    void preparationNotebookShowsTheDiagnosisTableInTheBrowser() throws Exception {
        inBrowser("00-preparacion.ipynb", "browser-00-preparacion.png", (browser, wait) -> {
            UI.runAll(browser, wait);

            WebElement table = wait.until(ExpectedConditions.presenceOfElementLocated(UI.inOutput(".capas-status table")));
            assertThat(table.getText()).contains("Podman").contains("Almacén rootful");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(UI.notebook(), "El laboratorio puede funcionar"));
        });
    }

    @Test
    void tabCompletesAndStopInterruptsARunningCell() throws Exception {
        inBrowser("00-preparacion.ipynb", "browser-completar-parar.png", (browser, wait) -> {
            // Math.m has many completions (max, min, multiplyExact…): a list, not a single insertion.
            UI.appendCell(browser, "Math.m");
            UI.typeInSelectedCell(browser, Keys.TAB);
            wait.until(d -> !UI.completions(browser).isEmpty());
            assertThat(UI.completions(browser)).anySatisfy(c -> assertThat(c).contains("max"))
                    .anySatisfy(c -> assertThat(c).contains("min"));
            UI.typeInSelectedCell(browser, Keys.ESCAPE);

            UI.appendCell(browser, "System.out.println(\"empieza\");\nwhile (true) { Thread.sleep(100); }");
            UI.typeInSelectedCell(browser, Keys.chord(Keys.CONTROL, Keys.ENTER));
            wait.until(d -> UI.selectedCellOutput(browser).contains("empieza"));
            UI.stop(browser);

            wait.until(d -> UI.selectedCellOutput(browser).contains("interrumpida"));
            UI.awaitKernelIdle(browser, wait);
        });
    }

    @Test
    void shiftTabShowsTheKernelsDocumentationOfTheLibrary() throws Exception {
        inBrowser("00-preparacion.ipynb", "browser-documentacion.png", (browser, wait) -> {
            // The cursor right after the method's name, as a student leaves it before the parentheses.
            UI.appendCell(browser, "Capas.rootful()");
            UI.typeInSelectedCell(browser, Keys.LEFT, Keys.LEFT);
            UI.typeInSelectedCell(browser, Keys.chord(Keys.SHIFT, Keys.TAB));

            // The kernel's inspect reply: the signature JShell reads from the lab's own classes.
            wait.until(d -> !UI.tooltip(browser).isBlank());
            assertThat(UI.tooltip(browser)).contains("Capas Capas.rootful()");
        });
    }
}
