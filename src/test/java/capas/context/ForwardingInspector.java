package capas.context;

import capas.store.Change;
import capas.store.IdMap;
import capas.store.LayerFiles;
import capas.store.Location;
import capas.store.OverlayMount;
import capas.store.VersionedStore;
import java.util.List;

/** An inspector that passes every question on, for tests to watch or change one of them. */
class ForwardingInspector implements Inspector {
    private final Inspector inner;

    ForwardingInspector(Inspector inner) {
        this.inner = inner;
    }

    @Override
    public VersionedStore storeIfChanged(String knownVersion) {
        return inner.storeIfChanged(knownVersion);
    }

    @Override
    public Location locate(List<String> layerIds, String path) {
        return inner.locate(layerIds, path);
    }

    @Override
    public List<Change> changes(List<String> layerIds) {
        return inner.changes(layerIds);
    }

    @Override
    public LayerFiles layerFiles(List<String> layerIds) {
        return inner.layerFiles(layerIds);
    }

    @Override
    public java.util.Map<String, Long> layerSizes(List<String> layerIds) {
        return inner.layerSizes(layerIds);
    }

    @Override
    public List<OverlayMount> overlayMounts() {
        return inner.overlayMounts();
    }

    @Override
    public IdMap uidMap() {
        return inner.uidMap();
    }

    @Override
    public IdMap gidMap() {
        return inner.gidMap();
    }

    @Override
    public boolean isOverlayMount(String hostPath) {
        return inner.isOverlayMount(hostPath);
    }

    @Override
    public List<DirEntry> listDir(String hostPath) {
        return inner.listDir(hostPath);
    }

    @Override
    public boolean exists(String hostPath) {
        return inner.exists(hostPath);
    }

    @Override
    public String readFile(String hostPath, int maxBytes) {
        return inner.readFile(hostPath, maxBytes);
    }
}
