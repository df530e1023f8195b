package capas.practica.catalog;

import capas.lab.Capas;
import capas.practica.PracticaDefinition;
import capas.practica.Task;
import capas.practica.Verdict;

import capas.Messages;
import capas.store.Container;
import capas.store.Location;
import capas.store.Store;
import capas.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Práctica 2, "Capas de la imagen, copias y whiteouts": say which image layer provides a
 * file, then change one (copy-up into the container layer) and delete another (a whiteout
 * hides it). Every check asks the locator where the real store serves the path from.
 */
public final class CopyUpAndWhiteout implements PracticaDefinition {
    static final String ID = "p2-copias-y-whiteouts";
    static final String CONTAINER = "capas-p2";
    private static final Messages M = Messages.forClass(CopyUpAndWhiteout.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mode mode() {
        return Mode.ROOTFUL;
    }

    @Override
    public String prepare(Capas lab) {
        return PracticaDefinition.runFromCourseImage(lab, CONTAINER);
    }

    @Override
    public Map<Integer, Task> tasks(Capas lab) {
        Map<Integer, Task> tasks = new LinkedHashMap<>();
        tasks.put(1, answer -> layerOfBusybox(lab, answer));
        tasks.put(2, answer -> copiedUp(lab));
        tasks.put(3, answer -> whitedOut(lab));
        return tasks;
    }

    private static Verdict layerOfBusybox(Capas lab, Object answer) {
        String given = answer == null ? "" : answer.toString().strip().replaceFirst("^sha256:", "");
        if (given.length() < 12) {
            return Verdict.wrong(1, M.get("layer.short"));
        }
        Container c = lab.container(CONTAINER);
        Location where = lab.locate(CONTAINER, "/bin/busybox");
        if (where.layerId().startsWith(given)) {
            return Verdict.right(1, M.get("layer.ok"), where.hostPath());
        }
        if (c.layer().startsWith(given)) {
            return Verdict.wrong(1, M.get("layer.container"));
        }
        if (c.imageId().startsWith(given)) {
            return Verdict.wrong(1, M.get("layer.image.id"));
        }
        List<String> imageLayers = lab.imageLayerIds(c.imageId());
        if (imageLayers.stream().anyMatch(l -> l.startsWith(given))) {
            return Verdict.wrong(1, M.get("layer.other"));
        }
        return Verdict.wrong(1, M.get("layer.unknown"));
    }

    private static Verdict copiedUp(Capas lab) {
        Location passwd = lab.locate(CONTAINER, "/etc/passwd");
        if (!passwd.inContainerLayer()) {
            return Verdict.wrong(2, M.get("copy.not.yet"), passwd.hostPath());
        }
        // The image's copy must still be there, untouched, in the image layer that brought it.
        Store store = lab.store();
        Container c = store.container(CONTAINER);
        for (String layer : lab.imageLayerIds(c.imageId())) {
            java.nio.file.Path original = store.diffDir(layer).resolve("etc/passwd");
            if (lab.exists(original)) {
                return Verdict.right(2, M.get("copy.ok"), passwd.hostPath(), M.get("copy.original", original));
            }
        }
        return Verdict.wrong(2, M.get("copy.no.original"));
    }

    private static Verdict whitedOut(Capas lab) {
        Location page = lab.locate(CONTAINER, "/var/www/index.html");
        if (page.state() == Location.State.PRESENT) {
            return Verdict.wrong(3, M.get("whiteout.not.yet"), page.hostPath());
        }
        if (page.state() != Location.State.DELETED || !page.inContainerLayer()) {
            return Verdict.wrong(3, M.get("whiteout.odd"));
        }
        return Verdict.right(3, M.get("whiteout.ok"), page.hostPath());
    }
}
