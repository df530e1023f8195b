package capas.leccion;

/**
 * One line of a {@link Checklist}.
 *
 * @param claim    what the lesson says, as checked ("contenedor1 está en marcha")
 * @param evidence what it was compared with, or why it failed: the real value, the real path
 * @param holds    whether the claim held on this machine
 * @param kind     a claim of the lesson, or the student's prediction (which never fails a check)
 */
public record Checked(String claim, String evidence, boolean holds, Kind kind) {
    public enum Kind {
        CLAIM, PREDICTION
    }

    public Checked {
        evidence = evidence == null ? "" : evidence;
    }

    /** A claim of the lesson and what it was checked against. */
    public static Checked claim(boolean holds, String claim, String evidence) {
        return new Checked(claim, evidence, holds, Kind.CLAIM);
    }

    /** How a prediction of the student's turned out. */
    public static Checked prediction(boolean right, String claim, String evidence) {
        return new Checked(claim, evidence, right, Kind.PREDICTION);
    }
}
