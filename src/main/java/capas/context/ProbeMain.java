package capas.context;

/** Starts the inspection probe (placeholder until the contexts land). */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("probe not built yet");
    }
}
