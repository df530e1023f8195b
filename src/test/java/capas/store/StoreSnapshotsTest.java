package capas.store;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a snapshot is read again: only when a writer changed the store, and then only the index
 * it changed. Writes are made the way containers/storage makes them: a new last-writer id in
 * the index's lock file first, then the JSON file replaced by rename.
 */
class StoreSnapshotsTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path root;
    private OverlayLayout layout;
    private StoreSnapshots snapshots;

    @BeforeEach
    void lay() throws Exception {
        FixtureStore.lay("rootful", root);
        layout = new OverlayLayout(root);
        recordWrite(layout.containersLock());
        recordWrite(layout.imagesLock());
        recordWrite(layout.layersLock());
        snapshots = new StoreSnapshots(Mode.ROOTFUL, root);
    }

    @Test
    void theFirstSnapshotReadsTheThreeIndexFilesAndNoLink() {
        Store store = snapshots.current();

        assertThat(store.containers()).hasSize(1);
        assertThat(snapshots.reads()).as("containers.json, images.json, layers.json; no volatile file exists").isEqualTo(3);
    }

    @Test
    void noChangeMeansNoReread() {
        Store first = snapshots.current();
        String version = snapshots.version();
        long reads = snapshots.reads();

        for (int i = 0; i < 10; i++) {
            assertThat(snapshots.current()).isSameAs(first);
        }
        assertThat(snapshots.reads()).isEqualTo(reads);
        assertThat(snapshots.version()).isEqualTo(version);
        assertThat(snapshots.ifChanged(version).store()).as("nothing to send back").isNull();
    }

    @Test
    void aContainerCreatedByAnotherWriterIsSeenAndOnlyContainersJsonIsReadAgain() throws Exception {
        Store before = snapshots.current();
        long reads = snapshots.reads();

        podmanWrites(layout.containersLock(), layout.containersJson(), withSecondContainer());

        Store after = snapshots.current();
        assertThat(after).isNotSameAs(before);
        assertThat(after.findContainer("capas-otro")).isPresent();
        assertThat(snapshots.reads() - reads).as("containers.json alone").isEqualTo(1);
        assertThat(after.images()).as("images untouched, kept as loaded").isSameAs(before.images());
        assertThat(snapshots.ifChanged(snapshots.version()).store()).isNull();
    }

    @Test
    void aNewLastWriterInTheLockAloneIsAChange() throws Exception {
        Store before = snapshots.current();
        long reads = snapshots.reads();

        // podman records its write before writing: the lock is the first thing a reader can see.
        recordWrite(layout.imagesLock());

        assertThat(snapshots.current()).isNotSameAs(before);
        assertThat(snapshots.reads() - reads).as("images.json alone").isEqualTo(1);
    }

    @Test
    void aReaderCaughtBetweenTheLockAndTheJsonReloadsOnceTheJsonLands() throws Exception {
        snapshots.current();
        recordWrite(layout.containersLock());
        Store between = snapshots.current();
        assertThat(between.findContainer("capas-renamed")).as("the JSON is not written yet").isEmpty();

        // The lock does not change again, nor the size: only the JSON's new inode tells the reader.
        replace(layout.containersJson(), renamedSameSize());

        assertThat(snapshots.current().findContainer("capas-renamed")).isPresent();
    }

    @Test
    void aJsonFileEditedByHandWithoutTheLockIsSeen() throws Exception {
        snapshots.current();
        long reads = snapshots.reads();

        // In place and the same size: only the file's times tell. They tick with the kernel's
        // clock (a few ms); a person's edit never lands in the same tick as podman's write, which
        // a test writing within microseconds can: its edit is given a later mtime of its own.
        FileTime written = Files.getLastModifiedTime(layout.containersJson());
        Files.writeString(layout.containersJson(), renamedSameSize());
        Files.setLastModifiedTime(layout.containersJson(), FileTime.from(written.toInstant().plusSeconds(1)));

        assertThat(snapshots.current().findContainer("capas-renamed")).isPresent();
        assertThat(snapshots.reads() - reads).isEqualTo(1);
    }

    @Test
    void aVolatileFileThatAppearsIsRead() throws Exception {
        snapshots.current();

        Files.writeString(layout.volatileContainersJson(), "[{\"id\":\"" + "c".repeat(64) + "\",\"names\":[\"efimero\"],\"layer\":\"x\"}]");

        assertThat(snapshots.current().findContainer("efimero")).isPresent();
    }

    @Test
    void linksAreReadWhenAskedForAndOncePerLayer() {
        Store store = snapshots.current();
        String top = store.image("curso/httpd").topLayer();
        long reads = snapshots.reads();

        Locator.forContainer(store, store.container("capas-fixture")).locate("/etc/passwd");
        assertThat(snapshots.reads()).as("a lookup needs no link").isEqualTo(reads);

        assertThat(store.links().get(top)).hasSize(26);
        assertThat(snapshots.reads() - reads).as("one layer, one link file").isEqualTo(1);
        store.links().get(top);
        snapshots.current().links().get(top);
        assertThat(snapshots.reads() - reads).isEqualTo(1);

        // Finding a layer by its short name (a mount's lowerdir) needs them all: each read once.
        assertThat(store.layerOfLink(store.links().get(top))).contains(top);
        store.layerOfLink("NOSUCHLINK");
        assertThat(snapshots.reads() - reads).isEqualTo(store.layers().size());
    }

    @Test
    void aLayerPulledAgainUnderTheSameIdHasItsNewLinkRead() throws Exception {
        Store store = snapshots.current();
        String top = store.image("curso/httpd").topLayer();
        String oldLink = store.links().get(top);

        Files.writeString(layout.linkFile(top), "NUEVOENLACENUEVOENLACENUEV");
        String created = store.layer(top).created();
        podmanWrites(layout.layersLock(), layout.layersJson(),
                Files.readString(layout.layersJson()).replace(created, "2030-01-01T00:00:00.000000001Z"));

        assertThat(snapshots.current().links().get(top)).isNotEqualTo(oldLink).isEqualTo("NUEVOENLACENUEVOENLACENUEV");
    }

    @Test
    void aStoreWithoutLockFilesStillReloadsOnJsonChanges(@TempDir Path other) throws Exception {
        StoreSnapshots fresh = new StoreSnapshots(Mode.ROOTLESS, FixtureStore.lay("rootless", other));
        Store first = fresh.current();
        assertThat(fresh.current()).isSameAs(first);

        OverlayLayout l = new OverlayLayout(other);
        replace(l.containersJson(), "[]");

        assertThat(fresh.current().containers()).isEmpty();
    }

    /** containers.json with the container renamed, byte for byte as long as before. */
    private String renamedSameSize() throws Exception {
        String json = Files.readString(layout.containersJson());
        String renamed = json.replace("\"capas-fixture\"", "\"capas-renamed\"");
        assertThat(renamed).hasSameSizeAs(json).isNotEqualTo(json);
        return renamed;
    }

    private String withSecondContainer() throws Exception {
        String json = Files.readString(layout.containersJson());
        String second = "{\"id\":\"" + "a".repeat(64) + "\",\"names\":[\"capas-otro\"],\"layer\":\"" + "b".repeat(64) + "\"}";
        return json.replaceFirst("\\[", "[" + second + ",");
    }

    /** What podman does to change one index: a new last writer in the lock, then the JSON replaced by rename. */
    private static void podmanWrites(Path lock, Path json, String content) throws Exception {
        recordWrite(lock);
        replace(json, content);
    }

    /** {@code RecordWrite} of pkg/lockfile: 64 fresh bytes at the start of the lock file. */
    private static void recordWrite(Path lock) throws Exception {
        byte[] id = new byte[FileStamp.LAST_WRITER_ID_SIZE];
        RANDOM.nextBytes(id);
        Files.createDirectories(lock.getParent());
        Files.write(lock, id);
    }

    /** {@code AtomicWriteFile} of pkg/ioutils: a temporary file renamed over the old one. */
    private static void replace(Path json, String content) throws Exception {
        Path tmp = json.resolveSibling("." + json.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, json, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
