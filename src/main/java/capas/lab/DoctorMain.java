package capas.lab;

/** Prints the environment diagnosis (placeholder). */
public final class DoctorMain {
    private DoctorMain() {
    }

    public static int run(String[] args) {
        return 0;
    }
}
