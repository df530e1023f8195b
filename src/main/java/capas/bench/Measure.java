package capas.bench;

import capas.Messages;
import java.util.Locale;

/**
 * One measured value: a median of {@code runs} timings in milliseconds, or a size in megabytes.
 *
 * @param value the median (or the one value)
 * @param unit  what {@code value} counts
 * @param runs  how many runs the median is of (1 for a single value)
 */
public record Measure(double value, Unit unit, int runs) {
    /** Units a figure is measured in. */
    public enum Unit {
        MILLISECONDS, MEGABYTES
    }

    public static Measure millis(double value, int runs) {
        return new Measure(value, Unit.MILLISECONDS, runs);
    }

    public static Measure megabytes(double value) {
        return new Measure(value, Unit.MEGABYTES, 1);
    }

    /** The value as a person reads it, Spanish decimals: {@code 0,84 ms}, {@code 142 ms}, {@code 1,37 s}, {@code 212 MB}. */
    public String text() {
        Locale es = Messages.SPANISH;
        if (unit == Unit.MEGABYTES) {
            return String.format(es, "%.0f MB", value);
        }
        if (value >= 1000) {
            return String.format(es, "%.2f s", value / 1000);
        }
        if (value >= 10) {
            return String.format(es, "%.0f ms", value);
        }
        if (value >= 0.1) {
            return String.format(es, "%.2f ms", value);
        }
        return String.format(es, "%.3f ms", value);
    }
}
