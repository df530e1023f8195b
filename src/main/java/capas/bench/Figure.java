package capas.bench;

/**
 * One row of the table: what Capas does, what it is compared with in the same run, and the
 * target. A figure that could not be measured keeps why instead of its values.
 *
 * @param name             what is measured (Spanish)
 * @param capas            Capas' value, or {@code null} when not measured
 * @param alternativeName  the alternative (Spanish, or a command), or {@code null} when there is none
 * @param alternative      the alternative's value, or {@code null}
 * @param target           what Capas must reach
 * @param problem          why it was not measured (Spanish), or {@code null}
 */
public record Figure(String name, Measure capas, String alternativeName, Measure alternative, Target target, String problem) {
    /** The verdict of one figure. */
    public enum Verdict {
        MET, MISSED, NO_TARGET, NOT_MEASURED
    }

    public static Figure of(String name, Measure capas, String alternativeName, Measure alternative, Target target) {
        return new Figure(name, capas, alternativeName, alternative, target, null);
    }

    /** A figure that could not be measured, and why. */
    public static Figure failed(String name, String alternativeName, Target target, String problem) {
        return new Figure(name, null, alternativeName, null, target, problem);
    }

    private double alternativeValue() {
        return alternative == null ? Double.NaN : alternative.value();
    }

    /** The ratio the target reads (see {@link Target#ratio}); NaN when there is none. */
    public double ratio() {
        return capas == null ? Double.NaN : target.ratio(capas.value(), alternativeValue());
    }

    public Verdict verdict() {
        if (capas == null || target.kind() != Target.Kind.AT_MOST && target.kind() != Target.Kind.NONE && alternative == null) {
            return Verdict.NOT_MEASURED;
        }
        Boolean met = target.met(capas.value(), alternativeValue());
        return met == null ? Verdict.NO_TARGET : met ? Verdict.MET : Verdict.MISSED;
    }

    /** The ratio as the table shows it. */
    public String ratioText() {
        return capas == null ? target.ratioText(Double.NaN, Double.NaN) : target.ratioText(capas.value(), alternativeValue());
    }
}
