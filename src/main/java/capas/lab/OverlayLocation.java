package capas.lab;

import capas.Messages;
import capas.store.Location;
import java.nio.file.Path;

/**
 * Which folder of a {@link HandOverlay} serves a path of its {@code merged}.
 *
 * @param path   the path asked for, from the root of {@code merged}
 * @param state  found, deleted by a whiteout, or not there
 * @param layer  the folder's name ({@code upper}, {@code lower1}…), or {@code null} when absent
 * @param host   the entry inside that folder (the whiteout itself when deleted), or {@code null}
 * @param type   what the entry is: {@code fichero}, {@code directorio}, {@code whiteout}…
 * @param folder the folder that decides, or {@code null}
 */
public record OverlayLocation(String path, Location.State state, String layer, Path host, String type, Path folder) {
    private static final Messages M = Messages.of(OverlayLocation.class);

    public boolean present() {
        return state == Location.State.PRESENT;
    }

    public boolean deleted() {
        return state == Location.State.DELETED;
    }

    @Override
    public String toString() {
        return switch (state) {
            case PRESENT -> M.get("hand.present", path, type, layer, host);
            case DELETED -> M.get("hand.deleted", path, layer, host);
            case ABSENT -> M.get("hand.absent", path);
        };
    }
}
