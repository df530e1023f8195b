package capas.doctor;

/**
 * One line of the diagnosis.
 *
 * @param topic  what was checked ("Podman", "Almacén rootless"…)
 * @param status how it came out
 * @param detail one Spanish sentence: what was found, and why it matters when not OK
 * @param fix    the exact command (or setting) that fixes it, or {@code null} when OK
 */
public record Check(String topic, Status status, String detail, String fix) {
    static Check ok(String topic, String detail) {
        return new Check(topic, Status.OK, detail, null);
    }

    static Check warn(String topic, String detail, String fix) {
        return new Check(topic, Status.AVISO, detail, fix);
    }

    static Check error(String topic, String detail, String fix) {
        return new Check(topic, Status.ERROR, detail, fix);
    }
}
