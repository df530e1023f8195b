package capas.bench;

import java.nio.file.Path;

/**
 * What {@code ./lab bench} measures, and how big.
 *
 * @param containers    containers in each store (500)
 * @param images        images in each store (200)
 * @param layers        layers of the deep image (50)
 * @param kernelRuns    kernel cold starts per kernel (7)
 * @param kernel        whether to time kernel cold starts
 * @param stores        whether to build and measure the large stores
 * @param notebooks     the lessons to run through the kernel, or {@code null} to skip them
 * @param rootful       whether to measure the rootful store too (it needs sudo -n)
 * @param lessons       the lessons to run, by their number ({@code 00}, {@code 03}…); empty for all
 * @param jupyterPath   a folder holding {@code kernels/capas} (this build's kernel), or {@code null} for the installed one
 * @param javaHomes     the JDKs to start the kernel on; empty for every one under {@code /usr/lib/jvm} and this JVM's
 */
public record BenchOptions(int containers, int images, int layers, int kernelRuns, boolean kernel, boolean stores, Path notebooks,
        boolean rootful, java.util.List<String> lessons, Path jupyterPath, java.util.List<Path> javaHomes) {
    public static final int CONTAINERS = 500;
    public static final int IMAGES = 200;
    public static final int LAYERS = 50;
    public static final int KERNEL_RUNS = 7;
}
