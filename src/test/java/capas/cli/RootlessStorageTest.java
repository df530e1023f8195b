package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootlessStorageTest {
    @Test
    void aStorageConfIsNeverRewritten() {
        assertThat(RootlessStorage.beforePodman(RootlessStorage.CONTENT, true)).isEqualTo(RootlessStorage.OURS);
        assertThat(RootlessStorage.beforePodman("[storage]\ndriver = \"vfs\"\n", false)).isEqualTo(RootlessStorage.THEIRS);
    }

    @Test
    void aNewStoreGetsOverlayBeforePodmanMakesIt() {
        assertThat(RootlessStorage.beforePodman(null, false)).isEqualTo(RootlessStorage.WRITE_NEW);
        assertThat(RootlessStorage.beforePodman(null, true)).as("an existing store: ask podman").isNull();
    }

    @Test
    void onlyAnEmptyVfsStoreIsSwitched() {
        assertThat(RootlessStorage.forStore("overlay", 3, 2, 0)).isEqualTo(RootlessStorage.ALREADY_OVERLAY);
        assertThat(RootlessStorage.forStore("vfs", 0, 0, 0)).isEqualTo(RootlessStorage.SWITCH_EMPTY);
        assertThat(RootlessStorage.forStore("vfs", 1, 0, 0)).isEqualTo(RootlessStorage.LEAVE);
        assertThat(RootlessStorage.forStore("vfs", 0, 1, 0)).isEqualTo(RootlessStorage.LEAVE);
        assertThat(RootlessStorage.forStore("vfs", 0, 0, 1)).as("a reset would delete the volume's data").isEqualTo(RootlessStorage.LEAVE);
        assertThat(RootlessStorage.forStore("btrfs", 0, 0, 0)).as("only vfs is known to be safe to switch").isEqualTo(RootlessStorage.LEAVE);
    }

    @Test
    void theFileCapasWritesNamesTheStoresFoldersSoThatPodmanCommitWorks() {
        String written = RootlessStorage.content("/tmp/containers-user-1001/containers", "/home/alumno/.local/share/containers/storage");
        assertThat(written).startsWith(RootlessStorage.HEADER).contains("driver = \"overlay\"")
                .contains("runroot = \"/tmp/containers-user-1001/containers\"")
                .contains("graphroot = \"/home/alumno/.local/share/containers/storage\"");
        assertThat(RootlessStorage.beforePodman(written, true)).isEqualTo(RootlessStorage.OURS);
        assertThat(RootlessStorage.lacksFolders(RootlessStorage.CONTENT)).as("as earlier versions wrote it").isTrue();
        assertThat(RootlessStorage.lacksFolders(written)).isFalse();
    }
}
