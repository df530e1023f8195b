package capas.render;

/**
 * Every colour Capas draws with, named once: the layer stack, verdicts, hints and the diagnosis
 * all read as one product, and a contrast fix is made in one place.
 */
public final class Palette {
    /** Body text. */
    public static final String TEXT = "#1f2328";
    /** Secondary text, arrows and neutral notes. */
    public static final String MUTED = "#57606a";
    public static final String NEUTRAL_FILL = "#f6f8fa";
    public static final String NEUTRAL_STROKE = "#8c959f";

    /** Right, OK: text and border on a light background. */
    public static final String OK = "#1a7f37";
    public static final String OK_FILL = "#dafbe1";
    /** A warning, a hint: worth reading, nothing broken. */
    public static final String WARN = "#9a6700";
    public static final String WARN_FILL = "#fff8c5";
    /** Wrong, an error. */
    public static final String BAD = "#cf222e";
    public static final String BAD_FILL = "#ffebe9";
    /** A solution, given only when asked. */
    public static final String INFO = "#1d4f91";
    public static final String INFO_FILL = "#e8f1fb";

    /** The container layer (read-write). */
    public static final String CONTAINER_FILL = "#fff1e6";
    public static final String CONTAINER_STROKE = "#c2410c";
    /** Image layers (read-only). */
    public static final String IMAGE_FILL = INFO_FILL;
    public static final String IMAGE_STROKE = INFO;
    /** The merged view. */
    public static final String MERGED_FILL = "#eaf6ec";
    public static final String MERGED_STROKE = "#2f7d32";
    /** The student's file. */
    public static final String FILE_FILL = "#fde047";
    public static final String FILE_STROKE = "#a16207";
    /** A whiteout (a deleted file). */
    public static final String WHITEOUT_FILL = "#fee2e2";
    public static final String WHITEOUT_STROKE = "#b91c1c";
    public static final String BACKGROUND = "#ffffff";

    private Palette() {
    }
}
