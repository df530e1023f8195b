package capas.lab;

/** {@code ./lab doctor}: prints the diagnosis; exit status 1 when the lab cannot work. */
public final class DoctorMain {
    private DoctorMain() {
    }

    public static int run(String[] args) {
        Diagnosis diagnosis = Doctor.diagnose();
        System.out.println(diagnosis);
        return diagnosis.canWork() ? 0 : 1;
    }
}
