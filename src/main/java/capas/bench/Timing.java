package capas.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/** Wall-clock medians: warm-up calls first, then {@code runs} timed calls. */
public final class Timing {
    private Timing() {
    }

    /**
     * The median wall time of {@code runs} calls, in milliseconds, after {@code warmups} calls
     * that are not timed. Each call's result is kept from the optimizer.
     */
    public static Measure median(int warmups, int runs, Supplier<?> call) {
        for (int i = 0; i < warmups; i++) {
            sink(call.get());
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink(call.get());
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        return Measure.millis(median(times), runs);
    }

    /** The median of {@code values} (the mean of the two middle ones for an even count). */
    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static volatile int sinkHole;

    private static void sink(Object o) {
        sinkHole += o == null ? 0 : System.identityHashCode(o) & 1;
    }
}
