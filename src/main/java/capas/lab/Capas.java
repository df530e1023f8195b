package capas.lab;

import capas.CapasException;
import capas.Messages;
import capas.Sizes;
import capas.context.CachedStore;
import capas.context.DirEntry;
import capas.context.Inspector;
import capas.context.LocalInspector;
import capas.context.MountPoint;
import capas.context.NamespaceIds;
import capas.context.ProbeInspector;
import capas.os.Posix;
import capas.podman.Podman;
import capas.render.Displayable;
import capas.render.Highlight;
import capas.render.LayerExplorer;
import capas.render.LayerBox;
import capas.render.StackDiagram;
import capas.render.TableView;
import capas.store.Change;
import capas.store.Container;
import capas.store.IdMap;
import capas.store.Image;
import capas.store.Layer;
import capas.store.LayerFiles;
import capas.store.PathOrigin;
import capas.store.Location;
import capas.Mode;
import capas.store.MountInfo;
import capas.store.OverlayLayout;
import capas.store.OverlayMount;
import capas.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's entry point for notebooks: one podman mode, its store, and the questions the
 * lessons ask of them.
 *
 * <pre>{@code
 * var lab = Capas.rootful();                       // or Capas.rootless()
 * lab.podman().run("contenedor1", Env.image());
 * lab.podman().exec("contenedor1", "sh", "-c", "echo hola > /tmp/tmpfile.txt");
 * lab.locate("contenedor1", "/tmp/tmpfile.txt");   // which layer, and the host path
 * lab.diagram("contenedor1", "/tmp/tmpfile.txt");  // the layer stack, file highlighted
 * lab.explore(Env.image());                       // each layer's files, A/C/D, foldable
 * lab.whichLayer(Env.image(), "/bin/busybox");     // «¿de qué capa sale este fichero?»
 * }</pre>
 *
 * <p>Rootful questions go through a probe started with {@code sudo -n} (unless already root);
 * rootless ones are answered in this process, except those about the mount namespace, which go
 * through a probe inside {@code podman unshare}.
 */
public final class Capas implements AutoCloseable {
    private static final Messages M = Messages.of(Capas.class);
    private static final int MAX_FILE_BYTES = 64 * 1024;

    private final Mode mode;
    private final Path graphRoot;
    private final Podman podman;
    /** Reads the store. */
    private final Inspector store;
    /** The store's last snapshot: each facade call takes one, and uses it throughout. */
    private final CachedStore snapshots;
    /** Looks at the mount namespace the containers live in. */
    private final Inspector namespace;

    private Capas(Mode mode, Path graphRoot, Inspector store, Inspector namespace, Podman podman) {
        this.mode = mode;
        this.graphRoot = graphRoot;
        this.podman = podman;
        this.store = store;
        this.namespace = namespace;
        this.snapshots = new CachedStore(store);
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
            SubIdRange.read(SubIdRange.SUBUID, userName(), Posix.uid());
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

    /**
     * The store as it is now (containers, images, layers): the same snapshot as the previous
     * call when podman wrote nothing since, a new one when it did.
     */
    public Store store() {
        return snapshots.current();
    }

    public Path graphRoot() {
        return graphRoot;
    }

    public Container container(String name) {
        return store().container(name);
    }

    public Image image(String name) {
        return store().image(name);
    }

    /** The image's layer ids from the top down, the order of {@code lowerdir}. */
    public List<String> imageLayerIds(String image) {
        Store s = store();
        List<String> ids = new ArrayList<>(s.imageLayers(s.image(image)).stream().map(Layer::id).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    /** Which layer serves {@code path} in {@code container}, and where that is on the host. */
    public Location locate(String container, String path) {
        Store s = store();
        return locate(s, s.container(container), path);
    }

    private Location locate(Store s, Container c, String path) {
        return store.locate(layerIds(s, c), path);
    }

    /** The container's layers, top first, as this snapshot has them. */
    private static List<String> layerIds(Store s, Container c) {
        return s.containerLayers(c).stream().map(Layer::id).toList();
    }

    /** The container's changes (A/C/D), read from its layer. */
    public List<Change> changes(String container) {
        Store s = store();
        return store.changes(layerIds(s, s.container(container)));
    }

    /** The container's changes as a table. */
    public TableView changesTable(String container) {
        TableView.Builder table = TableView.of(M.get("changes.col.kind"), M.get("changes.col.path"), M.get("changes.col.host"));
        changes(container).forEach(c -> table.row(c.kind(), c.path(), c.hostPath()));
        return table.build();
    }

    /** The container's overlay mount, with {@code l/} links resolved to layers. */
    public MountView mount(String container) {
        Store s = store();
        Container c = s.container(container);
        OverlayMount mount = mountOf(s, c);
        if (mount == null) {
            throw new CapasException(CapasException.Kind.NOT_RUNNING, M.get("mount.none", container), M.get("mount.none.hint", container));
        }
        return new MountView(mount, mount.lowerLayerIds(s), c.layer());
    }

    /** The container's overlay mount in the containers' namespace, found where this snapshot says it is, or {@code null}. */
    private OverlayMount mountOf(Store s, Container c) {
        return MountInfo.at(namespace.overlayMounts(), s.mergedDir(c.layer()).toString()).orElse(null);
    }

    /**
     * Whether {@code dir} is an overlay mount where the containers live (statfs, inside
     * {@code podman unshare} for rootless): a container's {@code merged} is, its {@code diff} is not.
     */
    public boolean isOverlayMount(Path dir) {
        return namespace.isOverlayMount(dir.toString());
    }

    /** Overlay mounts visible from the host's mount namespace (what {@code mount} shows). */
    public List<OverlayMount> hostOverlayMounts() {
        return MountInfo.overlays();
    }

    /** Overlay mounts in the containers' mount namespace (for rootless, inside {@code podman unshare}). */
    public List<OverlayMount> namespaceOverlayMounts() {
        return namespace.overlayMounts();
    }

    /** The uid map of the containers' user namespace (identity for rootful). */
    public IdMap idMap() {
        return mode == Mode.ROOTLESS ? namespace.uidMap() : IdMap.IDENTITY;
    }

    /**
     * The gid map of the containers' user namespace (identity for rootful): set apart from the
     * uid map (from {@code /etc/subgid}), so a group id is never translated with the uid map.
     */
    public IdMap gidMap() {
        return mode == Mode.ROOTLESS ? namespace.gidMap() : IdMap.IDENTITY;
    }

    /** This user's uid on the host. */
    public long hostUid() {
        return Posix.uid();
    }

    /** This user's primary gid on the host. */
    public long hostGid() {
        return statusId(ProcessHandle.current().pid(), "Gid:");
    }

    /** Owners of what the container wrote in {@code dir}, seen from the host and from inside. */
    public TableView owners(String container, String dir) {
        IdMap uids = idMap();
        IdMap gids = gidMap();
        Store s = store();
        Path upperDir = s.diffDir(s.container(container).layer()).resolve(dir.replaceFirst("^/+", ""));
        TableView.Builder table = TableView.of(M.get("owners.col.file"), M.get("owners.col.host"), M.get("owners.col.container"),
                M.get("owners.col.perms")).caption(M.get("owners.caption", upperDir));
        for (DirEntry e : store.listDir(upperDir.toString())) {
            table.row(e.name(), e.uid() + ":" + e.gid(), uids.toContainer(e.uid()) + ":" + gids.toContainer(e.gid()), e.permissions());
        }
        return table.build();
    }

    /** Who owns one file of the container's layer, on both sides. */
    public FileOwner owner(String container, String path) {
        Location where = locate(container, path);
        if (where.state() != Location.State.PRESENT) {
            throw new CapasException(CapasException.Kind.NOT_FOUND, where.toString());
        }
        return new FileOwner(path, where.hostUid(), where.hostGid(), idMap().toContainer(where.hostUid()), gidMap().toContainer(where.hostGid()));
    }

    /**
     * This user's ranges of subordinate uids ({@code /etc/subuid}): what {@code newuidmap} lets
     * podman put in the uid map after the user's own uid.
     */
    public List<SubIdRange> subUids() {
        return SubIdRange.read(SubIdRange.SUBUID, userName(), hostUid());
    }

    /** This user's ranges of subordinate gids ({@code /etc/subgid}), the source of the gid map. */
    public List<SubIdRange> subGids() {
        return SubIdRange.read(SubIdRange.SUBGID, userName(), hostGid());
    }

    private static String userName() {
        return System.getProperty("user.name");
    }

    /** The host pid of the container's first process ({@code podman inspect --format '{{.State.Pid}}'}). */
    public long containerPid(String container) {
        long pid = podman.inspect(container).path("State").path("Pid").asLong(0);
        if (pid <= 0) {
            throw new CapasException(CapasException.Kind.NOT_RUNNING, M.get("container.no.pid", container), M.get("container.no.pid.hint", container));
        }
        return pid;
    }

    /** Rootless podman's pause process, found where podman keeps its pid ({@code <runtime dir>/libpod/tmp/pause.pid}). */
    public PauseProcess pauseProcess() {
        requireRootless();
        return PauseProcess.find(hostUid());
    }

    /**
     * The mount and user namespaces of this notebook's process, of podman's pause process, of a
     * process inside {@code podman unshare} and of the first process of each of {@code containers}.
     */
    public Namespaces namespaces(String... containers) {
        requireRootless();
        List<ProcessNamespaces> rows = new ArrayList<>();
        rows.add(row(ProcessNamespaces.Role.HOST, null, NamespaceIds.self()));
        rows.add(row(ProcessNamespaces.Role.PAUSE, null, NamespaceIds.of(pauseProcess().pid())));
        rows.add(row(ProcessNamespaces.Role.UNSHARE, null, namespace.namespaces()));
        for (String c : containers) {
            rows.add(row(ProcessNamespaces.Role.CONTAINER, c, NamespaceIds.of(containerPid(c))));
        }
        return new Namespaces(rows);
    }

    private static ProcessNamespaces row(ProcessNamespaces.Role role, String name, NamespaceIds ids) {
        return new ProcessNamespaces(role, name, ids.pid(), statusId(ids.pid(), "Uid:"), ids.mnt(), ids.user());
    }

    /**
     * The real uid ({@code Uid:}) or gid ({@code Gid:}) of a process as the host sees it, from
     * {@code /proc/<pid>/status}; -1 if it is gone.
     */
    private static long statusId(long pid, String field) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Gone between two reads: shown as -1.
        }
        return -1;
    }

    private void requireRootless() {
        if (mode != Mode.ROOTLESS) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("rootless.only", M.get("ns.rootless")));
        }
    }

    /** Every mount the host's mount namespace has (this notebook's {@code /proc/self/mountinfo}), overlay or not. */
    public List<MountPoint> hostMounts() {
        return MountPoint.read(MountPoint.SELF);
    }

    /** Every mount of the containers' mount namespace (for rootless, inside {@code podman unshare}), overlay or not. */
    public List<MountPoint> namespaceMounts() {
        return namespace.mountPoints();
    }

    /**
     * The entries of a folder inside the store as the containers' namespace sees them (for
     * rootless, inside {@code podman unshare}: owners as ids inside; and a {@code merged} exists
     * there only). {@link #listDir} gives the host's view.
     */
    public List<DirEntry> listDirInside(Path dir) {
        return namespace.listDir(dir.toString());
    }

    /** The entries of {@code overlay-containers/<id>/userdata}. */
    public TableView userdata(String container) {
        Store s = store();
        Path dir = s.userdataDir(s.container(container));
        TableView.Builder table = TableView.of(M.get("userdata.col.name"), M.get("userdata.col.type"), M.get("userdata.col.what"))
                .caption(dir.toString());
        for (DirEntry e : store.listDir(dir.toString())) {
            String key = "userdata." + e.name();
            table.row(e.name(), e.type(), M.has(key) ? M.get(key) : "");
        }
        return table.build();
    }

    /** The store's containers as {@code containers.json} lists them, with {@code metadata} decoded. */
    public TableView containers() {
        TableView.Builder table = TableView.of(M.get("containers.col.name"), M.get("containers.col.id"), M.get("containers.col.layer"),
                M.get("containers.col.image"), M.get("containers.col.created")).caption(new OverlayLayout(graphRoot).containersJson().toString());
        for (Container c : store().containers()) {
            table.row(String.join(", ", c.names()), c.id().substring(0, 12), c.layer(), c.metadata().imageName(), c.created());
        }
        return table.build();
    }

    /**
     * The store's containers with their sizes, as {@code podman ps -a --size} gives them: what
     * each container wrote (its layer, walked on disk) and its virtual size (that plus its
     * image's layers, from {@code layers.json}).
     */
    public TableView containerSizes() {
        Store s = store();
        TableView.Builder table = TableView.of(M.get("containers.col.name"), M.get("containers.col.image"),
                M.get("sizes.col.rw"), M.get("sizes.col.virtual")).caption(M.get("sizes.caption", s.containers().size()));
        // Every container's layer in one question: through the sudo probe, one round trip for the whole table.
        java.util.Map<String, Long> written = s.containers().isEmpty() ? java.util.Map.of()
                : store.layerSizes(s.containers().stream().map(Container::layer).toList());
        for (Container c : s.containers()) {
            long rw = written.getOrDefault(c.layer(), 0L);
            long image = 0;
            for (Layer layer : s.containerLayers(c)) {
                image += layer.id().equals(c.layer()) ? 0 : layer.diffSize();
            }
            table.row(String.join(", ", c.names()), c.metadata().imageName(), Sizes.human(rw), Sizes.human(rw + image));
        }
        return table.build();
    }

    /** The entries of a folder inside the store, as {@code ls -ln} shows them (never following symlinks). */
    public List<DirEntry> listDir(Path dir) {
        return store.listDir(dir.toString());
    }

    /** Whether something exists at {@code path} inside the store. */
    public boolean exists(Path path) {
        return store.exists(path.toString());
    }

    /** The text of a file inside the store (at most 64 KiB). */
    public String readFile(Path path) {
        return store.readFile(path.toString(), MAX_FILE_BYTES);
    }

    /** The layer stack of {@code container}, drawn from the store, with {@code path} marked where it really is. */
    public StackDiagram diagram(String container, String path) {
        Store s = store();
        Container c = s.container(container);
        // One snapshot for the whole picture: the layers drawn, the file's layer and the mount all agree.
        Location where = path == null ? null : locate(s, c, path);
        OverlayMount mount = mountOf(s, c);
        List<LayerBox> boxes = new ArrayList<>();
        for (Layer layer : s.containerLayers(c)) {
            boolean top = layer.id().equals(c.layer());
            boxes.add(new LayerBox(layer.id(), top, s.links().get(layer.id()), s.diffDir(layer.id()).toString(),
                    top ? null : Sizes.human(layer.diffSize())));
        }
        Highlight highlight = where == null || where.state() == Location.State.ABSENT ? null
                : new Highlight(path, where.layerId(), where.hostPath(), where.state() == Location.State.DELETED);
        return new StackDiagram(c.name(), c.metadata().imageName(), boxes, s.mergedDir(c.layer()).toString(), mount != null,
                s.workDir(c.layer()).toString(), highlight);
    }

    /** The diagram of the container alone, with no file marked. */
    public Displayable diagram(String container) {
        return diagram(container, null);
    }

    /**
     * The files of each layer of an image or a container, top layer first, folded: each entry
     * marked A (added), C (modified: a layer below has it too) or D (deleted by a whiteout),
     * with its size. A name that is both a container and an image is taken as the container.
     *
     * @param imageOrContainer an image (name or id) or a container (name or id)
     */
    public LayerExplorer explore(String imageOrContainer) {
        Store s = store();
        Stack stack = stack(s, imageOrContainer);
        List<LayerExplorer.Layer> layers = new ArrayList<>();
        for (int i = 0; i < stack.layerIds().size(); i++) {
            LayerFiles files = store.layerFiles(stack.layerIds().subList(i, stack.layerIds().size()));
            layers.add(new LayerExplorer.Layer(files.layerId(), files.entries().stream()
                    .map(e -> new LayerExplorer.Item(e.path(), LayerExplorer.Mark.valueOf(e.kind().name()), e.directory(), e.opaque(), e.size()))
                    .toList()));
        }
        return new LayerExplorer(stack.name(), stack.container(), layers);
    }

    /**
     * «¿De qué capa sale este fichero?»: the layer of {@code imageOrContainer} that serves
     * {@code path} (or hides it with a whiteout), named as {@link #explore} names it.
     */
    public PathOrigin whichLayer(String imageOrContainer, String path) {
        Store s = store();
        Stack stack = stack(s, imageOrContainer);
        return PathOrigin.of(stack.name(), stack.container(), stack.layerIds().size(), store.locate(stack.layerIds(), path));
    }

    /** An image's or a container's layers, top first. */
    private record Stack(String name, boolean container, List<String> layerIds) {
    }

    private static Stack stack(Store s, String imageOrContainer) {
        java.util.Optional<Container> container = s.findContainer(imageOrContainer);
        if (container.isPresent()) {
            return new Stack(container.get().name(), true, layerIds(s, container.get()));
        }
        Image image = s.image(imageOrContainer);
        List<String> ids = new ArrayList<>(s.imageLayers(image).stream().map(Layer::id).toList());
        java.util.Collections.reverse(ids);
        if (ids.isEmpty()) {
            throw new CapasException(CapasException.Kind.UNKNOWN_LAYER, M.get("image.no.layers", image.name()));
        }
        return new Stack(image.name(), false, ids);
    }

    @Override
    public void close() {
        store.close();
        namespace.close();
    }
}
