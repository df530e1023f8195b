package capas.cli;

/**
 * Whether to point the rootless store at the overlay driver: the course studies
 * {@code overlay/<layer>/diff}, which the vfs driver (podman's pick when no storage.conf exists on
 * some machines) does not have. Changing the driver of a store with content needs a reset that
 * loses it, so that is never done here: only a new store, or an empty vfs one, is switched.
 */
enum RootlessStorage {
    /** A storage.conf Capas wrote earlier. */
    OURS,
    /** The student's own storage.conf: respected as it is. */
    THEIRS,
    /** No store yet: write storage.conf before podman makes one. */
    WRITE_NEW,
    /** Podman already uses overlay without a storage.conf of ours. */
    ALREADY_OVERLAY,
    /** An empty vfs store (no image, container or volume): write storage.conf and reset the store (nothing is lost). */
    SWITCH_EMPTY,
    /** Another driver with images, containers or volumes: left alone, with an explanation. */
    LEAVE;

    /** The first line of the storage.conf Capas writes; how it recognizes its own file. */
    static final String HEADER = "# Escrito por Capas (./lab): el curso estudia el driver overlay.";
    static final String CONTENT = HEADER + "\n[storage]\ndriver = \"overlay\"\n";

    /**
     * The file with the store's folders written out too. A storage.conf that names only the
     * driver breaks {@code podman commit} in podman 4.3 ("runroot must be set"), though every
     * other command takes podman's defaults: so the folders podman already uses are written in,
     * which changes nothing for any other command.
     */
    static String content(String runRoot, String graphRoot) {
        return CONTENT + "runroot = \"" + runRoot + "\"\ngraphroot = \"" + graphRoot + "\"\n";
    }

    /** Whether a storage.conf Capas wrote still lacks the folders (written by an earlier version, or just now). */
    static boolean lacksFolders(String ours) {
        return ours.lines().noneMatch(line -> line.strip().startsWith("runroot"));
    }

    /** The decision for what is known before asking podman anything. */
    static RootlessStorage beforePodman(String existingConf, boolean storeExists) {
        if (existingConf != null) {
            return existingConf.startsWith(HEADER) ? OURS : THEIRS;
        }
        return storeExists ? null : WRITE_NEW;
    }

    /**
     * The decision for an existing store without storage.conf, from what podman says of it.
     * Volumes count: {@code podman system reset} deletes them with their data too.
     */
    static RootlessStorage forStore(String driver, int images, int containers, int volumes) {
        if ("overlay".equals(driver)) {
            return ALREADY_OVERLAY;
        }
        return "vfs".equals(driver) && images == 0 && containers == 0 && volumes == 0 ? SWITCH_EMPTY : LEAVE;
    }
}
