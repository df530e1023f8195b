package capas.cli;

import capas.doctor.Diagnosis;
import capas.doctor.Doctor;

/** {@code ./lab doctor}: prints the diagnosis; exit status 1 when the lab cannot work. */
public final class DoctorCommand {
    private DoctorCommand() {
    }

    public static int run(String[] args) {
        Diagnosis diagnosis = Doctor.diagnose();
        System.out.println(diagnosis);
        return diagnosis.canWork() ? 0 : 1;
    }
}
