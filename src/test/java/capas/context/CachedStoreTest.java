package capas.context;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import capas.store.Store;
import capas.store.VersionedStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller's side of store versions: the store crosses from a probe only when it changed. */
class CachedStoreTest {
    @TempDir
    Path root;

    private void writeContainers(String json) throws Exception {
        Path dir = Files.createDirectories(root.resolve("overlay-containers"));
        Path tmp = dir.resolve(".tmp");
        Files.writeString(tmp, json);
        Files.move(tmp, dir.resolve("containers.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String container(String name) {
        return "[{\"id\":\"" + "a".repeat(64) + "\",\"names\":[\"" + name + "\"],\"layer\":\"" + "b".repeat(64) + "\"}]";
    }

    @Test
    void theProbeSendsTheStoreOnlyWhenItsVersionChanged() throws Exception {
        writeContainers(container("uno"));
        LocalInspector probeSide = new LocalInspector(Mode.ROOTFUL, root);

        VersionedStore first = roundTrip(probeSide, "");
        assertThat(first.store().container("uno")).isNotNull();
        assertThat(roundTrip(probeSide, first.version())).isEqualTo(new VersionedStore(first.version(), null));

        writeContainers(container("dos"));
        VersionedStore second = roundTrip(probeSide, first.version());
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.store().findContainer("dos")).isPresent();
    }

    @Test
    void aFacadeKeepsTheSameSnapshotUntilTheStoreChanges() throws Exception {
        writeContainers(container("uno"));
        CountingInspector inspector = new CountingInspector(new LocalInspector(Mode.ROOTFUL, root));
        CachedStore cached = new CachedStore(inspector);

        Store first = cached.current();
        assertThat(cached.current()).isSameAs(first);
        assertThat(inspector.shipped).as("stores sent whole").isEqualTo(1);

        writeContainers(container("dos"));
        assertThat(cached.current().findContainer("dos")).isPresent();
        assertThat(inspector.shipped).isEqualTo(2);
    }

    /** Through the probe's own wire format, as a sudo or unshare probe answers. */
    private static VersionedStore roundTrip(Inspector inspector, String known) {
        return InProcessProbe.over(inspector).storeIfChanged(known);
    }

    /** Counts how often a whole store was handed over. */
    private static final class CountingInspector extends ForwardingInspector {
        int shipped;

        CountingInspector(Inspector inner) {
            super(inner);
        }

        @Override
        public VersionedStore storeIfChanged(String knownVersion) {
            VersionedStore answer = super.storeIfChanged(knownVersion);
            if (answer.store() != null) {
                shipped++;
            }
            return answer;
        }
    }
}
