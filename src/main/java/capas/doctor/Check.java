package capas.doctor;

/**
 * One line of the diagnosis.
 *
 * @param topic  what was checked ("Podman", "Almacén rootless"…)
 * @param status how it came out
 * @param detail one Spanish sentence: what was found, and why it matters when not OK
 * @param fix    the exact command (or setting) that fixes it, or {@code null} when OK
 * @param repair the change {@code ./lab doctor --arreglar} can make itself, or {@code null}:
 *               the check that detects a problem carries its remedy, so the two cannot disagree
 */
public record Check(String topic, Status status, String detail, String fix, Repair repair) {
    public Check(String topic, Status status, String detail, String fix) {
        this(topic, status, detail, fix, null);
    }

    static Check ok(String topic, String detail) {
        return new Check(topic, Status.OK, detail, null);
    }

    static Check warn(String topic, String detail, String fix) {
        return new Check(topic, Status.AVISO, detail, fix);
    }

    static Check error(String topic, String detail, String fix) {
        return new Check(topic, Status.ERROR, detail, fix);
    }

    /** This check, able to fix itself with {@code repair}. */
    Check repairedBy(Repair repair) {
        return new Check(topic, status, detail, fix, repair);
    }

    /** Whether {@code ./lab doctor --arreglar} would change something for this check: it failed and has a repair. */
    public boolean repairable() {
        return status != Status.OK && repair != null;
    }
}
