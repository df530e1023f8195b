package capas;

/**
 * Every environment variable Capas reads, named once.
 *
 * <p>The launcher ({@code ./lab}) sets them; the library falls back to the defaults below, so
 * plain JShell or Java works without them.
 */
public final class Env {
    /** The course image the notebooks use (built locally by the launcher). */
    public static final String IMAGE = "CAPAS_IMAGE";
    /** The folder of the Capas checkout (notebooks, labs, course image recipe). */
    public static final String HOME = "CAPAS_HOME";
    /** The jar that probes and the kernel start (defaults to the running jar). */
    public static final String JAR = "CAPAS_JAR";

    /** Image built by {@code ./lab} from {@code curso/Containerfile}, never pulled. */
    public static final String DEFAULT_IMAGE = "localhost/curso/httpd:latest";

    /** Label put on everything the lab creates, so that cleaning removes only that. */
    public static final String LABEL = "capas.lab";
    /**
     * Label naming the lesson or práctica ({@code 03}, {@code p4}…) a container belongs to, so
     * that an instructor can reset one lesson ({@code ./lab limpiar 03}).
     */
    public static final String LESSON_LABEL = "capas.leccion";
    /**
     * Label on the images the lab builds: {@code true} for the course image, the lesson id for
     * a lesson's own image. Not {@link #LABEL}: containers inherit their image's labels, and a
     * student's own container must not look like the lab's.
     */
    public static final String IMAGE_LABEL = "capas.lab.imagen";

    private Env() {
    }

    /** The value of {@code name}, or {@code fallback} when unset or blank. */
    public static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The course image to use. */
    public static String image() {
        return get(IMAGE, DEFAULT_IMAGE);
    }
}
