package capas.bench;

import java.util.List;

/**
 * One run of {@code ./lab bench --aula N}: a student alone, then N students at once, on one machine.
 *
 * @param alone           the student alone (servers of the others stopped)
 * @param together        the N students at once
 * @param cores           processors of this machine ({@code nproc})
 * @param availableMb     memory available for students before the classroom started ({@code MemAvailable})
 * @param loadMax         the highest 1-minute load average sampled while the N lessons ran
 * @param busyShare       the share of all processors busy while the N lessons ran (from {@code /proc/stat})
 * @param loadBefore      the 1-minute load average before the classroom started (other work on the machine)
 */
public record AulaResult(AulaStudent alone, List<AulaStudent> together, int cores, double availableMb, double loadMax, double busyShare,
        double loadBefore) {
    public AulaResult {
        together = List.copyOf(together);
    }

    public int students() {
        return together.size();
    }
}
