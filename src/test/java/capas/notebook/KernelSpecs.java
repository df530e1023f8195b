package capas.notebook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Installs the Capas kernelspec from the packaged jar into a test JUPYTER_PATH, once per run. */
public final class KernelSpecs {
    /** The JUPYTER_PATH that holds {@code kernels/capas}. */
    public static final Path JUPYTER_PATH = Path.of("target", "jupyter-test").toAbsolutePath();
    private static boolean installed;

    private KernelSpecs() {
    }

    public static synchronized Path install() throws IOException, InterruptedException {
        if (!installed) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = System.getProperty("capas.jar", "target/capas.jar");
            Process process = new ProcessBuilder(java, "-jar", jar, "kernelspec", JUPYTER_PATH.resolve("kernels").toString())
                    .inheritIO().start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kernelspec install failed");
            }
            installed = true;
        }
        return JUPYTER_PATH;
    }
}
