package capas.kernel;

/** Starts the Jupyter kernel (placeholder until the kernel lands). */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("kernel not built yet");
    }
}
