package capas.doctor;

import capas.Messages;
import capas.render.Displayable;
import capas.render.StatusTable;
import capas.render.Tone;
import java.util.List;
import java.util.Map;

/**
 * The environment diagnosis: every check, in the order a person would fix them. Shown by
 * {@code ./lab doctor} as text and in a notebook as a table.
 */
public record Diagnosis(List<Check> checks) implements Displayable {
    private static final Messages MESSAGES = Messages.of(Diagnosis.class);

    public Diagnosis {
        checks = List.copyOf(checks);
    }

    /** Whether the lab can work: no check is an {@link Status#ERROR}. */
    public boolean canWork() {
        return count(Status.ERROR) == 0;
    }

    public long count(Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** The check about {@code topic}, for notebooks and tests that look at one. */
    public Check check(String topic) {
        return checks.stream().filter(c -> c.topic().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topic));
    }

    /** One-line verdict, and which fixes {@code ./lab doctor --arreglar} would make itself. */
    public String summary() {
        String verdict = canWork()
                ? MESSAGES.get("diagnosis.can.work", count(Status.AVISO))
                : MESSAGES.get("diagnosis.cannot.work", count(Status.ERROR), count(Status.AVISO));
        long repairable = checks.stream().filter(Check::repairable).count();
        return repairable == 0 ? verdict : verdict + " " + MESSAGES.get("diagnosis.repairable", repairable);
    }

    private StatusTable table() {
        StatusTable table = new StatusTable(MESSAGES.get("diagnosis.title"), MESSAGES.get("diagnosis.col.status"),
                MESSAGES.get("diagnosis.col.topic"), MESSAGES.get("diagnosis.col.detail"));
        for (Check check : checks) {
            Tone tone = switch (check.status()) {
                case OK -> Tone.OK;
                case AVISO -> Tone.WARN;
                case ERROR -> Tone.BAD;
            };
            table.row(tone, check.status().name(), check.topic(), check.detail(), check.fix());
        }
        return table.summary(summary());
    }

    @Override
    public String toString() {
        return table().toString();
    }

    @Override
    public Map<String, String> toMimeBundle() {
        return table().toMimeBundle();
    }
}
