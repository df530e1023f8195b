package capas.store;

import java.util.List;

/**
 * What one layer holds: every entry of its {@code diff}, in path order (each folder before what
 * it holds), with what each one does to the layers below.
 *
 * @param layerId the layer
 * @param entries every entry, folders first then their contents, names sorted
 */
public record LayerFiles(String layerId, List<LayerEntry> entries) {
    public LayerFiles {
        entries = List.copyOf(entries);
    }

    /** How many entries are of {@code kind}. */
    public long count(ChangeKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    /** The bytes this layer holds: the sum of its top-level entries. */
    public long size() {
        return entries.stream().filter(e -> e.level() == 1).mapToLong(LayerEntry::size).sum();
    }
}
