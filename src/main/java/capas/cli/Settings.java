package capas.cli;

import capas.Env;
import java.nio.file.Path;

/**
 * The environment variables the subcommands read, besides those of {@link Env}, with their
 * defaults. The launcher sets the CAPAS_ ones; the XDG ones are the freedesktop folders.
 */
final class Settings {
    /** Port Jupyter listens on (127.0.0.1 only). */
    static final String PORT = "CAPAS_PORT";
    static final int DEFAULT_PORT = 8888;
    /** Set by {@code ./lab} when root started it and handed over to the lab user (then sudo -n may fix the machine). */
    static final String FROM_ROOT = "CAPAS_FROM_ROOT";
    /** Where {@code ./lab exportar} writes its HTML. */
    static final String EXPORT = "CAPAS_EXPORT";
    /** Seconds since the epoch when the first {@code ./lab} of this run started. */
    static final String T0 = "CAPAS_T0";

    private Settings() {
    }

    static int port() {
        try {
            return Integer.parseInt(Env.get(PORT, String.valueOf(DEFAULT_PORT)).strip());
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    static boolean fromRoot() {
        return "1".equals(Env.get(FROM_ROOT, ""));
    }

    static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    /** {@code $XDG_STATE_HOME/capas}: logs of Jupyter and of the build. */
    static Path stateDir() {
        return xdg("XDG_STATE_HOME", ".local/state").resolve("capas");
    }

    /** {@code $XDG_DATA_HOME/jupyter/kernels}: where Jupyter looks for a user's kernels. */
    static Path kernelsDir() {
        return xdg("XDG_DATA_HOME", ".local/share").resolve("jupyter").resolve("kernels");
    }

    /** {@code $XDG_CONFIG_HOME/containers/storage.conf}: the rootless store's configuration. */
    static Path rootlessStorageConf() {
        return xdg("XDG_CONFIG_HOME", ".config").resolve("containers").resolve("storage.conf");
    }

    static Path exportDir() {
        return Path.of(Env.get(EXPORT, home().resolve("capas-exportado").toString()));
    }

    private static Path xdg(String variable, String fallback) {
        return Path.of(Env.get(variable, home().resolve(fallback).toString()));
    }
}
