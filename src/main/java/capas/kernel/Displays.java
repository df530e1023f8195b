package capas.kernel;

import capas.render.Displayable;
import java.util.Arrays;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Turns values into what Jupyter shows: a {@link Displayable}'s MIME bundle, else plain text. */
final class Displays {
    private static final String TEXT = "text/plain";

    private Displays() {
    }

    /** What {@code display(value)} shows. */
    static DisplayData of(Object value) {
        return of(value, plainText(value));
    }

    /**
     * What a cell's result shows.
     *
     * @param text JShell's rendering of the value ({@code "hola"} with quotes, arrays expanded)
     */
    static DisplayData of(Object value, String text) {
        if (value instanceof DisplayData data) {
            return data;
        }
        DisplayData data = new DisplayData();
        if (value instanceof Displayable displayable) {
            Map<String, String> bundle = displayable.toMimeBundle();
            bundle.forEach(data::putData);
            if (!bundle.containsKey(TEXT)) {
                data.putText(text);
            }
        } else {
            data.putText(text);
        }
        return data;
    }

    private static String plainText(Object value) {
        if (value instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (value != null && value.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
        }
        return String.valueOf(value);
    }
}
