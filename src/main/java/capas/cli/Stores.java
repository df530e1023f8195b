package capas.cli;

import capas.CapasException;
import capas.Messages;
import capas.podman.Podman;

/** What the subcommands that work on both stores share: their Spanish names, and "no sudo" as a warning. */
final class Stores {
    private static final Messages M = Messages.of(Stores.class);

    private Stores() {
    }

    /** "almacén rootless" or "almacén rootful". */
    static String where(Podman podman) {
        return M.get("store." + podman.mode());
    }

    /**
     * Whether {@code e} says the rootful store cannot be reached at all (sudo wants a password,
     * or there is no sudo): a student without sudo still has the rootless half of the lab.
     */
    static boolean noSudo(CapasException e) {
        return e.kind() == CapasException.Kind.SUDO_PASSWORD || e.kind() == CapasException.Kind.PODMAN_MISSING;
    }
}
