package capas;

import java.nio.file.Path;

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

    /** Port Jupyter listens on (127.0.0.1 only). */
    public static final String PORT = "CAPAS_PORT";
    public static final int DEFAULT_PORT = 8888;
    /** Which Jupyter {@code ./lab} opens: {@code lab} (JupyterLab, where installed) or {@code notebook} (Notebook 6.4). */
    public static final String INTERFACE = "CAPAS_INTERFAZ";
    /** Set by {@code ./lab} when root started it and handed over to the lab user (then sudo -n may fix the machine). */
    public static final String FROM_ROOT = "CAPAS_FROM_ROOT";
    /** Where {@code ./lab exportar} writes its HTML. */
    public static final String EXPORT = "CAPAS_EXPORT";
    /** Seconds since the epoch when the first {@code ./lab} of this run started. */
    public static final String T0 = "CAPAS_T0";
    /** The lab user {@code ./lab} creates as root. */
    public static final String LAB_USER = "CAPAS_LAB_USER";
    /** The lab user when {@link #LAB_USER} is unset: the launcher's own default. */
    public static final String DEFAULT_LAB_USER = "alumno";
    /** {@code 1} for an exam: the prácticas give no solutions (hints still work, and are recorded). */
    public static final String EXAM = "CAPAS_EXAMEN";
    /**
     * The student's record of progress, when not the usual {@code $XDG_DATA_HOME/capas/progreso.jsonl}
     * (tests keep theirs apart; moving {@code XDG_DATA_HOME} would move the rootless store too).
     */
    public static final String PROGRESS = "CAPAS_PROGRESO";
    /** The classroom server's state folder ({@code ./lab aula}); {@code /var/lib/capas-aula} when unset. */
    public static final String AULA_DIR = "CAPAS_AULA_DIR";
    /** Set to 1 inside a student's classroom container (by its start script). */
    public static final String AULA = "CAPAS_AULA";
    /** The freedesktop folders: data (stores, kernels), state (logs), configuration. */
    public static final String XDG_DATA_HOME = "XDG_DATA_HOME";
    public static final String XDG_STATE_HOME = "XDG_STATE_HOME";
    public static final String XDG_CONFIG_HOME = "XDG_CONFIG_HOME";
    public static final String XDG_CACHE_HOME = "XDG_CACHE_HOME";
    /** containers/storage's own override of which storage.conf applies. */
    public static final String CONTAINERS_STORAGE_CONF = "CONTAINERS_STORAGE_CONF";
    /** Where commands are looked for. */
    public static final String PATH = "PATH";

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

    public static int port() {
        try {
            return Integer.parseInt(get(PORT, String.valueOf(DEFAULT_PORT)).strip());
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    public static boolean fromRoot() {
        return "1".equals(get(FROM_ROOT, ""));
    }

    /** Whether this is an exam ({@code CAPAS_EXAMEN=1}): no práctica shows its solutions. */
    public static boolean exam() {
        return "1".equals(get(EXAM, "").strip());
    }

    /** The lab user's name, as {@code ./lab} creates it. */
    public static String labUser() {
        return get(LAB_USER, DEFAULT_LAB_USER);
    }

    /** The student's record: {@code $CAPAS_PROGRESO}, else {@code $XDG_DATA_HOME/capas/progreso.jsonl}. */
    public static Path progressFile() {
        String forced = get(PROGRESS, "");
        return forced.isEmpty() ? dataHome().resolve("capas").resolve("progreso.jsonl") : Path.of(forced);
    }

    public static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    /** The commands' search path, as this process got it. */
    public static String path() {
        return get(PATH, "");
    }

    /** {@code $XDG_DATA_HOME}: the rootless store and Jupyter's kernels live under it. */
    public static Path dataHome() {
        return xdg(XDG_DATA_HOME, ".local/share");
    }

    /** {@code $XDG_STATE_HOME/capas}: logs of Jupyter and of the build. */
    public static Path stateDir() {
        return xdg(XDG_STATE_HOME, ".local/state").resolve("capas");
    }

    /** {@code $XDG_DATA_HOME/jupyter/kernels}: where Jupyter looks for a user's kernels. */
    public static Path kernelsDir() {
        return dataHome().resolve("jupyter").resolve("kernels");
    }

    /** {@code $XDG_CONFIG_HOME/containers/storage.conf}: the rootless store's configuration. */
    public static Path rootlessStorageConf() {
        return xdg(XDG_CONFIG_HOME, ".config").resolve("containers").resolve("storage.conf");
    }

    /** {@code $XDG_CACHE_HOME/capas}: what can be thrown away and asked again (the stores' folders). */
    public static Path cacheDir() {
        return xdg(XDG_CACHE_HOME, ".cache").resolve("capas");
    }

    public static Path exportDir() {
        return Path.of(get(EXPORT, home().resolve("capas-exportado").toString()));
    }

    private static Path xdg(String variable, String fallback) {
        return Path.of(get(variable, home().resolve(fallback).toString()));
    }
}
