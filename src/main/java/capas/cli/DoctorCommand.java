package capas.cli;

import capas.Env;
import capas.CapasException;
import capas.Messages;
import capas.doctor.AsRoot;
import capas.doctor.Diagnosis;
import capas.doctor.Doctor;
import capas.doctor.Repairs;
import java.util.List;

/**
 * {@code ./lab doctor [--arreglar [--breve]]}: prints the diagnosis; exit status 1 when the lab
 * cannot work. With {@code --arreglar}, first applies the repairs of the checks that failed (as
 * root, or through {@code sudo -n} when root started the launcher) and says what it did;
 * {@code --breve} (the launcher's own call) prints only that.
 */
final class DoctorCommand {
    private static final Messages M = Messages.of(DoctorCommand.class);

    private DoctorCommand() {
    }

    static int run(String[] args) {
        List<String> options = List.of(args);
        boolean repair = options.contains("--arreglar");
        boolean brief = options.contains("--breve");
        if (options.stream().anyMatch(o -> !o.equals("--arreglar") && !o.equals("--breve")) || brief && !repair) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("doctor.usage"));
        }
        if (repair) {
            boolean failed = repair();
            if (brief) {
                return failed ? 1 : 0;
            }
        }
        Diagnosis diagnosis = Doctor.diagnose();
        System.out.println(diagnosis);
        return diagnosis.canWork() ? 0 : 1;
    }

    /** @return whether a repair failed */
    private static boolean repair() {
        AsRoot root = AsRoot.forThisProcess(Env.fromRoot());
        Console.step(M.get("doctor.repair.step"));
        Repairs.Outcome outcome = Repairs.applyFailed(Doctor.diagnose(), root);
        outcome.done().forEach(Console::done);
        outcome.failed().forEach(Console::warn);
        if (outcome.done().isEmpty() && outcome.failed().isEmpty()) {
            Console.done(M.get("doctor.repair.nothing"));
        }
        return !outcome.failed().isEmpty();
    }
}
