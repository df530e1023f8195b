package capas.lab;

import capas.Messages;
import capas.Sizes;
import capas.context.CachedStore;
import capas.context.DirEntry;
import capas.context.Inspector;
import capas.render.TableView;
import capas.store.Container;
import capas.store.IdMap;
import capas.store.Layer;
import capas.store.Store;
import java.nio.file.Path;
import java.util.Map;

/**
 * The store's records and folders as tables with Spanish headings, the way a cell shows them:
 * {@code containers.json}, {@code podman ps -a --size}, a container's {@code userdata}, its
 * changes and the owners of what it wrote.
 *
 * <pre>{@code
 * lab.tables().containers()
 * lab.tables().owners("contenedor1", "/tmp")
 * }</pre>
 */
public final class Tables {
    private static final Messages M = Messages.of(Tables.class);

    private final CachedStore snapshots;
    private final Inspector store;
    private final Layers layers;
    private final UserIds ids;

    Tables(CachedStore snapshots, Inspector store, Layers layers, UserIds ids) {
        this.snapshots = snapshots;
        this.store = store;
        this.layers = layers;
        this.ids = ids;
    }

    /** The store's containers as {@code containers.json} lists them, with {@code metadata} decoded. */
    public TableView containers() {
        Store s = snapshots.current();
        TableView.Builder table = TableView.of(M.get("containers.col.name"), M.get("containers.col.id"), M.get("containers.col.layer"),
                M.get("containers.col.image"), M.get("containers.col.created")).caption(s.layout().containersJson().toString());
        for (Container c : s.containers()) {
            table.row(String.join(", ", c.names()), c.id().substring(0, 12), c.layer(), c.metadata().imageName(), c.created());
        }
        return table.build();
    }

    /**
     * The store's containers with their sizes, as {@code podman ps -a --size} gives them: what
     * each container wrote (its layer, walked on disk) and its virtual size (that plus its
     * image's layers, from {@code layers.json}).
     */
    public TableView sizes() {
        Store s = snapshots.current();
        TableView.Builder table = TableView.of(M.get("containers.col.name"), M.get("containers.col.image"),
                M.get("sizes.col.rw"), M.get("sizes.col.virtual")).caption(M.get("sizes.caption", s.containers().size()));
        // Every container's layer in one question: through the sudo probe, one round trip for the whole table.
        Map<String, Long> written = s.containers().isEmpty() ? Map.of()
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

    /** The entries of {@code overlay-containers/<id>/userdata}, each with what podman keeps in it. */
    public TableView userdata(String container) {
        Store s = snapshots.current();
        Path dir = s.userdataDir(s.container(container));
        TableView.Builder table = TableView.of(M.get("userdata.col.name"), M.get("userdata.col.type"), M.get("userdata.col.what"))
                .caption(dir.toString());
        for (DirEntry e : store.listDir(dir.toString())) {
            String key = "userdata." + e.name();
            table.row(e.name(), e.type(), M.has(key) ? M.get(key) : "");
        }
        return table.build();
    }

    /** The container's changes (A/C/D) as a table, each with its path on the host. */
    public TableView changes(String container) {
        TableView.Builder table = TableView.of(M.get("changes.col.kind"), M.get("changes.col.path"), M.get("changes.col.host"));
        layers.changes(container).forEach(c -> table.row(c.kind(), c.path(), c.hostPath()));
        return table.build();
    }

    /** Owners of what the container wrote in {@code dir}, seen from the host and from inside. */
    public TableView owners(String container, String dir) {
        IdMap uids = ids.uidMap();
        IdMap gids = ids.gidMap();
        Store s = snapshots.current();
        Path upperDir = s.diffDir(s.container(container).layer()).resolve(dir.replaceFirst("^/+", ""));
        TableView.Builder table = TableView.of(M.get("owners.col.file"), M.get("owners.col.host"), M.get("owners.col.container"),
                M.get("owners.col.perms")).caption(M.get("owners.caption", upperDir));
        for (DirEntry e : store.listDir(upperDir.toString())) {
            table.row(e.name(), e.uid() + ":" + e.gid(), uids.toContainer(e.uid()) + ":" + gids.toContainer(e.gid()), e.permissions());
        }
        return table.build();
    }
}
