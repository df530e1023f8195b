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

    /** Image built by {@code ./lab} from {@code curso/Containerfile}, never pulled. */
    public static final String DEFAULT_IMAGE = "localhost/curso/httpd:latest";

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
