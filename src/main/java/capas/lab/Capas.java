package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.Mode;
import capas.context.CachedStore;
import capas.context.Inspector;
import capas.context.LocalInspector;
import capas.context.ProbeInspector;
import capas.os.Posix;
import capas.podman.Podman;
import capas.store.Store;
import java.nio.file.Path;

/**
 * The lab's entry point for notebooks: one podman mode, its store, and the views the lessons
 * look at it through.
 *
 * <pre>{@code
 * var lab = Capas.rootful();                                 // or Capas.rootless()
 * lab.podman().run("contenedor1", Env.image());
 * lab.store().container("contenedor1").layer();              // the records: containers.json, images.json, layers.json
 * lab.files().readFile(path);                                // a file of the store, with this mode's rights
 * lab.layers().locate("contenedor1", "/tmp/tmpfile.txt");    // which layer serves it, and the host path
 * lab.layers().diagram("contenedor1", "/tmp/tmpfile.txt");   // the layer stack, file highlighted
 * lab.mounts().container("contenedor1");                     // its overlay mount
 * lab.ids().uidMap();                                        // uids inside and outside
 * lab.processes().namespaces("contenedor1");                 // rootless: who shares which namespace
 * lab.tables().containers();                                 // containers.json as a table
 * }</pre>
 *
 * <p>Rootful questions go through a probe started with {@code sudo -n} (unless already root);
 * rootless ones are answered in this process, except those about the mount namespace, which go
 * through a probe inside {@code podman unshare}.
 */
public final class Capas implements AutoCloseable {
    private static final Messages M = Messages.of(Capas.class);

    private final Mode mode;
    private final Path graphRoot;
    private final Podman podman;
    /** Reads the store. */
    private final Inspector store;
    /** Looks at the mount namespace the containers live in. */
    private final Inspector namespace;
    /** The store's last snapshot: each call takes one, and uses it throughout. */
    private final CachedStore snapshots;
    private final StoreFiles files;
    private final Mounts mounts;
    private final Layers layers;
    private final UserIds ids;
    private final Processes processes;
    private final Tables tables;

    private Capas(Mode mode, Path graphRoot, Inspector store, Inspector namespace, Podman podman) {
        this.mode = mode;
        this.graphRoot = graphRoot;
        this.podman = podman;
        this.store = store;
        this.namespace = namespace;
        this.snapshots = new CachedStore(store);
        this.files = new StoreFiles(store, namespace);
        this.mounts = new Mounts(snapshots, namespace);
        this.layers = new Layers(snapshots, store, mounts);
        this.ids = new UserIds(mode, namespace, layers);
        this.processes = new Processes(mode, podman, namespace);
        this.tables = new Tables(snapshots, store, layers, ids);
    }

    private Capas(Mode mode, Path graphRoot, Inspector store, Inspector namespace) {
        this(mode, graphRoot, store, namespace, new Podman(mode));
    }

    /**
     * The same store, with a podman that labels what it creates as lesson {@code lesson}'s
     * ({@code 03}, {@code p4}…), so that {@code ./lab limpiar <lección>} resets that lesson alone.
     * Both share the probes: closing one closes the other.
     *
     * <p>Only one kernel of this user may have a lesson open at a time ({@link LessonLock}).
     *
     * @throws CapasException {@link CapasException.Kind#LESSON_IN_USE} when another kernel has it open
     */
    public Capas forLesson(String lesson) {
        LessonLock.claim(lesson);
        return new Capas(mode, graphRoot, store, namespace, new Podman(mode, lesson));
    }

    /** The rootful podman ({@code sudo podman}) and its store (by default {@code /var/lib/containers/storage}). */
    public static Capas rootful() {
        Path root = new Podman(Mode.ROOTFUL).graphRoot();
        Inspector inspector = Posix.isRoot() ? new LocalInspector(Mode.ROOTFUL, root)
                : ProbeInspector.of(ProbeInspector.Context.SUDO, Mode.ROOTFUL, root);
        return new Capas(Mode.ROOTFUL, root, inspector, inspector);
    }

    /** The rootless podman of this user and its store (by default {@code ~/.local/share/containers/storage}). */
    public static Capas rootless() {
        if (Posix.isRoot()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("rootless.as.root"), M.get("rootless.as.root.hint"));
        }
        // Without a range podman still starts, with one uid only: lesson 04's uid maps and owners would be wrong without saying why.
        if (!SubIdRange.fromDirectoryService()) {
            SubIdRange.read(SubIdRange.SUBUID, UserIds.userName(), Posix.uid());
        }
        Path root = new Podman(Mode.ROOTLESS).graphRoot();
        return new Capas(Mode.ROOTLESS, root, new LocalInspector(Mode.ROOTLESS, root),
                ProbeInspector.of(ProbeInspector.Context.UNSHARE, Mode.ROOTLESS, root));
    }

    public Mode mode() {
        return mode;
    }

    public Podman podman() {
        return podman;
    }

    public Path graphRoot() {
        return graphRoot;
    }

    /**
     * The store's records as they are now (containers, images, layers, and where each lives on
     * disk): the same snapshot as the previous call when podman wrote nothing since, a new one
     * when it did.
     */
    public Store store() {
        return snapshots.current();
    }

    /** The store's files, listed and read with this mode's rights. */
    public StoreFiles files() {
        return files;
    }

    /** Layer stacks: which layer serves a file, a container's changes, the diagram and the explorer. */
    public Layers layers() {
        return layers;
    }

    /** The mount tables of the host and of the containers' namespace, and each container's overlay. */
    public Mounts mounts() {
        return mounts;
    }

    /** Uids and gids inside and outside: the maps, your own ids and ranges, a file's owner. */
    public UserIds ids() {
        return ids;
    }

    /** Rootless: podman's pause process, the containers' processes, and the namespaces they share. */
    public Processes processes() {
        return processes;
    }

    /** The store's records and folders as tables. */
    public Tables tables() {
        return tables;
    }

    @Override
    public void close() {
        store.close();
        namespace.close();
    }
}
