package capas.render;

/** How a message should be read: each tone has one colour of the {@link Palette} and a mark for text. */
public enum Tone {
    /** Right; works. */
    OK(Palette.OK, Palette.OK_FILL, "✓"),
    /** Worth reading; nothing is broken (a hint, a warning). */
    WARN(Palette.WARN, Palette.WARN_FILL, "!"),
    /** Wrong; broken. */
    BAD(Palette.BAD, Palette.BAD_FILL, "✗"),
    /** Information given on request (a solution). */
    INFO(Palette.INFO, Palette.INFO_FILL, "→"),
    /** A plain note (what a preparation made). */
    NOTE(Palette.MUTED, Palette.NEUTRAL_FILL, "·");

    private final String color;
    private final String fill;
    private final String mark;

    Tone(String color, String fill, String mark) {
        this.color = color;
        this.fill = fill;
        this.mark = mark;
    }

    public String color() {
        return color;
    }

    public String fill() {
        return fill;
    }

    /** The sign that stands for this tone in plain text. */
    public String mark() {
        return mark;
    }
}
