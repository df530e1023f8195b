package capas.bench;

import capas.Messages;

/**
 * What a figure must reach, and how Capas and its alternative are compared for it.
 *
 * @param kind   how the two values are compared
 * @param amount the factor, fraction, share or limit of {@code kind}
 */
public record Target(Kind kind, double amount) {
    private static final Messages M = Messages.of(Target.class);

    /** The ways a target compares Capas with its alternative. */
    public enum Kind {
        /** Capas at least {@code amount} times faster: alternative / Capas ≥ amount. */
        FASTER,
        /** Capas takes at most {@code amount} of the alternative's time: Capas / alternative ≤ amount. */
        FRACTION,
        /** Capas no slower than the alternative: alternative / Capas ≥ 1. */
        NO_SLOWER,
        /** Capas adds at most {@code amount} (a share, 0.2 = 20 %) to the alternative's time. */
        OVERHEAD,
        /** Capas' value at most {@code amount}, with no alternative. */
        AT_MOST,
        /** Measured for comparison only: no target. */
        NONE
    }

    public static Target faster(double factor) {
        return new Target(Kind.FASTER, factor);
    }

    public static Target fraction(double fraction) {
        return new Target(Kind.FRACTION, fraction);
    }

    public static Target noSlower() {
        return new Target(Kind.NO_SLOWER, 1);
    }

    public static Target overhead(double share) {
        return new Target(Kind.OVERHEAD, share);
    }

    public static Target atMost(double limit) {
        return new Target(Kind.AT_MOST, limit);
    }

    public static Target none() {
        return new Target(Kind.NONE, 0);
    }

    /**
     * The ratio this target reads: alternative / Capas for speed-ups ({@link Kind#FASTER},
     * {@link Kind#NO_SLOWER}), Capas / alternative otherwise; NaN without an alternative.
     */
    public double ratio(double capas, double alternative) {
        if (kind == Kind.AT_MOST || Double.isNaN(alternative) || alternative <= 0 || capas <= 0) {
            return Double.NaN;
        }
        return kind == Kind.FASTER || kind == Kind.NO_SLOWER ? alternative / capas : capas / alternative;
    }

    /** Whether {@code capas} (with {@code alternative}, when the target has one) meets it; {@code null} for {@link Kind#NONE}. */
    public Boolean met(double capas, double alternative) {
        double r = ratio(capas, alternative);
        return switch (kind) {
            case FASTER -> r >= amount;
            case FRACTION -> r <= amount;
            case NO_SLOWER -> r >= 1;
            case OVERHEAD -> r <= 1 + amount;
            case AT_MOST -> capas <= amount;
            case NONE -> null;
        };
    }

    /** The ratio as the table shows it: {@code 143×}, {@code 0,46×}, {@code +12 %}, {@code —}. */
    public String ratioText(double capas, double alternative) {
        double r = ratio(capas, alternative);
        if (Double.isNaN(r)) {
            return M.get("ratio.none");
        }
        if (kind == Kind.OVERHEAD) {
            return M.get("ratio.overhead", (r - 1) * 100);
        }
        return M.get(r >= 10 ? "ratio.times.big" : "ratio.times", r);
    }

    /** The target as the table shows it: {@code ≥ 100×}, {@code ≤ 0,7×}, {@code ≤ +20 %}, {@code ≤ 300 MB}. */
    public String text() {
        return M.get("target." + kind.name().toLowerCase(java.util.Locale.ROOT), amount, amount * 100);
    }
}
