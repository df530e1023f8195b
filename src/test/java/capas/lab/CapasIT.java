package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.Env;
import capas.notebook.Prerequisites;
import capas.podman.Podman;
import capas.render.LayerExplorer;
import capas.store.Change;
import capas.store.IdMap;
import capas.store.Layer;
import capas.store.Location;
import capas.store.OverlayLayout;
import capas.Mode;
import capas.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library against real podman, in both modes, as the lab user: rootless directly, rootful
 * through the sudo probe — the way a student's notebook uses it.
 */
class CapasIT {
    private static final String NAME = "capas-it-locate";
    private static final BothModes MODES = new BothModes(NAME);

    static Stream<Arguments> modes() {
        return BothModes.modes();
    }

    private static Capas lab(Mode mode) {
        return MODES.lab(mode);
    }

    @BeforeAll
    static void notAsRootInCi() {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(System.getProperty("user.name")).as("CI runs the ITs as the lab user").isNotEqualTo("root");
        }
    }

    @AfterAll
    static void cleanUp() {
        MODES.cleanUp();
    }

    @ParameterizedTest
    @MethodSource("modes")
    void findsTheStudentsFileInTheContainerLayersDiff(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        lab.podman().exec(NAME, "bash", "-c", "echo 'Ejemplo Podman' > /tmp/tmpfile.txt");
        String layer = lab.store().container(NAME).layer();

        Location where = lab.layers().locate(NAME, "/tmp/tmpfile.txt");

        assertThat(where.inContainerLayer()).isTrue();
        assertThat(where.host()).isEqualTo(new OverlayLayout(lab.graphRoot()).diffDir(layer).resolve("tmp/tmpfile.txt"));
        assertThat(lab.files().readFile(where.host())).isEqualTo("Ejemplo Podman\n");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theSizesTableSaysWhatEachContainerWroteAsPodmanPsSizeDoes(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        lab.podman().exec(NAME, "sh", "-c", "head -c 3000000 /dev/zero > /tmp/tres-megas");

        List<String> row = lab.tables().sizes().rows().stream().filter(r -> r.get(0).equals(NAME)).findFirst().orElseThrow();

        // podman ps -s says "3MB (virtual …)": the same megabytes, whatever podman's rounding.
        String podman = lab.podman().command("ps", "-a", "-s", "--filter", "name=^" + NAME + "$", "--format", "{{.Size}}").out().strip();
        assertThat(podman).startsWith("3");
        assertThat(row.get(2)).isEqualTo("3,0 MB");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aFileDeletedFromTheImageIsAWhiteoutAndPodmanDiffAgrees(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        lab.podman().exec(NAME, "sh", "-c", "rm /var/www/index.html && echo x >> /etc/passwd && mkdir -p /srv/nuevo && echo hola > /tmp/tmpfile.txt");

        Location deleted = lab.layers().locate(NAME, "/var/www/index.html");
        assertThat(deleted.state()).isEqualTo(Location.State.DELETED);
        assertThat(deleted.type()).isEqualTo("whiteout");
        assertThat(deleted.inContainerLayer()).isTrue();

        Set<String> ours = new HashSet<>(lab.layers().changes(NAME).stream().map(Change::toString).toList());
        Set<String> podmans = new HashSet<>(lab.podman().diff(NAME).stream().map(Change::toString).toList());
        assertThat(ours).isEqualTo(podmans).contains("D /var/www/index.html", "C /etc/passwd", "A /srv/nuevo", "A /tmp/tmpfile.txt");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void anOpaqueFolderIsReportedAsPodmanDiffReportsIt(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        // rm -r then mkdir: the kernel makes /var/www opaque; mkdir under a folder the image has: opaque too (kernel >= 4.10).
        lab.podman().exec(NAME, "sh", "-c", "rm -r /var/www && mkdir /var/www && echo n > /var/www/nuevo.html && mkdir /etc/nueva");

        List<String> podmans = lab.podman().diff(NAME).stream().map(Change::toString).toList();
        List<String> ours = lab.layers().changes(NAME).stream().map(Change::toString).toList();
        System.out.printf("CapasIT %s opaque: podman diff %s, ours %s%n", mode, podmans, ours);

        // podman (native overlay diff): the replaced folder is D, what the new one holds A, the old contents not listed.
        assertThat(new HashSet<>(ours)).isEqualTo(new HashSet<>(podmans)).contains("D /var/www", "A /var/www/nuevo.html", "A /etc/nueva");
        assertThat(lab.layers().locate(NAME, "/var/www/index.html").state()).isEqualTo(Location.State.ABSENT);
        // The explorer is the same walk: the container's layer says what podman diff says, path by path.
        Map<String, String> own = lab.layers().explore(NAME).layers().get(0).entries().stream()
                .collect(Collectors.toMap(LayerExplorer.Item::path, i -> i.mark().name()));
        for (String change : podmans) {
            assertThat(own.get(change.substring(2))).as(change).isEqualTo(change.substring(0, 1));
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aFileOnlyInTheImageIsInTheLayerPodmanSaysAddedIt(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        Store store = lab.store();
        List<Layer> image = store.imageLayers(store.image(Env.image()));
        // podman inspect lists the image's layers bottom first, by their uncompressed digests.
        JsonNode rootFs = lab.podman().inspect(Env.image()).path("RootFS").path("Layers");
        assertThat(image).extracting(Layer::diffDigest).containsExactly(rootFs.get(0).asText(), rootFs.get(1).asText(), rootFs.get(2).asText());

        assertThat(lab.layers().locate(NAME, "/bin/busybox").layerId()).isEqualTo(image.get(0).id());
        assertThat(lab.layers().locate(NAME, "/bin/ls").layerId()).isEqualTo(image.get(1).id());
        assertThat(lab.layers().locate(NAME, "/var/www/index.html").layerId()).isEqualTo(image.get(2).id());
        assertThat(lab.layers().locate(NAME, "/var/www/index.html").depth()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theMountAgreesWithPodmanInspect(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());

        MountView mount = lab.mounts().container(NAME);
        var inspect = lab.podman().inspectGraphDriver(NAME);

        assertThat(mount.upperDir()).isEqualTo(inspect.upperDir());
        assertThat(mount.mergedDir()).isEqualTo(inspect.mergedDir());
        assertThat(mount.lowerLayerIds()).isEqualTo(lab.layers().imageLayerIds(Env.image()));
        assertThat(mount.options().contains("userxattr")).isEqualTo(mode == Mode.ROOTLESS);
        assertThat(lab.mounts().isOverlay(Path.of(mount.mergedDir()))).as("statfs of merged").isTrue();
        assertThat(lab.mounts().isOverlay(Path.of(mount.upperDir()))).as("statfs of diff").isFalse();
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aHostileLayerNeverLeadsToTheHostsFiles(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        lab.podman().exec(NAME, "sh", "-c",
                "ln -s /etc/shadow /tmp/sombra && ln -s ../../../../../../../../etc /tmp/arriba && ln -s / /tmp/raiz");
        Path upper = new OverlayLayout(lab.graphRoot()).diffDir(lab.store().container(NAME).layer());

        // The image has no /etc/shadow: through any link, the answer is about the container, not the host.
        assertThat(lab.layers().locate(NAME, "/tmp/arriba/shadow").state()).isEqualTo(Location.State.ABSENT);
        assertThat(lab.layers().locate(NAME, "/tmp/raiz/etc/passwd").host()).startsWithRaw(lab.graphRoot());
        assertThat(lab.layers().locate(NAME, "/tmp/sombra").type()).isEqualTo("enlace simbólico");
        assertThatThrownBy(() -> lab.files().readFile(upper.resolve("tmp/sombra"))).isInstanceOf(CapasException.class)
                .hasMessageContaining("no es un fichero normal");
        assertThatThrownBy(() -> lab.files().readFile(upper.resolve("tmp/arriba/shadow"))).isInstanceOf(CapasException.class)
                .hasMessageContaining("enlace simbólico");
        assertThatThrownBy(() -> lab.files().readFile(Path.of("/etc/shadow"))).isInstanceOf(CapasException.class)
                .hasMessageContaining("fuera del almacén");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void anImageInUseCannotBeRemovedAndTheErrorSaysWhyInSpanish(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());

        // The data-safety seed tags the course image with a student's name too: then the wrapper refuses before podman,
        // which would only have taken the course image's name away.
        assertThatThrownBy(() -> lab.podman().rmi(Env.image())).isInstanceOf(CapasException.class)
                .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("Podman se niega a borrar la imagen").hasMessageContaining("in use by a container"),
                        e -> assertThat(e).hasMessageContaining("tiene también otros nombres"));
        assertThat(lab.store().image(Env.image())).isNotNull();
        assertThat(lab.podman().command("image", "exists", Env.image()).exitCode()).as("the course image keeps its name").isZero();
    }

    @ParameterizedTest
    @MethodSource("modes")
    void anImageTheStudentAlsoNamedIsNeverUntaggedByTheLab(Mode mode) {
        Capas lab = lab(mode);
        String own = "localhost/alumno/otro-nombre-del-curso:1";
        assertThat(lab.podman().command("tag", Env.image(), own).exitCode()).isZero();
        try {
            lab.podman().run(NAME, Env.image());
            assertThatThrownBy(() -> lab.podman().rmi(Env.image())).isInstanceOf(CapasException.class)
                    .hasMessageContaining("tiene también otros nombres").hasMessageContaining(own)
                    .satisfies(e -> assertThat(((CapasException) e).kind()).isEqualTo(CapasException.Kind.IMAGE_HAS_OTHER_NAMES));
            assertThat(lab.podman().command("image", "exists", Env.image()).exitCode()).as("the course image keeps its name").isZero();
        } finally {
            lab.podman().command("untag", Env.image(), own);
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void ownershipIsTranslatedByTheUserNamespace(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());
        lab.podman().exec(NAME, "sh", "-c", "echo a > /tmp/de-root.txt");
        lab.podman().exec(NAME, "sh", "-c", "echo b > /tmp/de-1000.txt && chown 1000:1000 /tmp/de-1000.txt");

        FileOwner root = lab.ids().owner(NAME, "/tmp/de-root.txt");
        FileOwner user = lab.ids().owner(NAME, "/tmp/de-1000.txt");

        assertThat(root.containerUid()).isZero();
        assertThat(user.containerUid()).isEqualTo(1000);
        assertThat(root.containerGid()).isZero();
        assertThat(user.containerGid()).as("the group, through the gid map").isEqualTo(1000);
        if (mode == Mode.ROOTLESS) {
            assertThat(root.hostUid()).isEqualTo(lab.ids().hostUid());
            assertThat(user.hostUid()).isEqualTo(lab.ids().uidMap().toHost(1000)).isGreaterThanOrEqualTo(100000);
            assertThat(user.hostGid()).isEqualTo(lab.ids().gidMap().toHost(1000));
            // The gid map is the namespace's own (from /etc/subgid), not the uid map reused.
            assertThat(lab.ids().gidMap()).isEqualTo(IdMap.parse(lab.podman().unshare("cat", "/proc/self/gid_map").out()));
        } else {
            assertThat(root.hostUid()).isZero();
            assertThat(user.hostUid()).isEqualTo(1000);
            assertThat(user.hostGid()).isEqualTo(1000);
        }
        assertThat(lab.files().listDir(new OverlayLayout(lab.graphRoot()).diffDir(lab.store().container(NAME).layer()).resolve("tmp")))
                .filteredOn(e -> e.name().equals("de-1000.txt")).singleElement()
                .satisfies(e -> assertThat((long) e.gid()).isEqualTo(user.hostGid()));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void theStoreIsReadAgainOnlyAfterPodmanWritesIt(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().removeIfLab(NAME);
        Store before = stableSnapshot(lab);
        assertThat(before.findContainer(NAME)).isEmpty();

        lab.podman().run(NAME, Env.image());

        Store after = lab.store();
        assertThat(after).isNotSameAs(before);
        assertThat(after.findContainer(NAME)).isPresent();
        stableSnapshot(lab);
    }

    /**
     * A snapshot that the next call returns again, as it must when nothing was written in
     * between; a few tries, since other tests of the lab user may write the same store meanwhile.
     */
    private static Store stableSnapshot(Capas lab) {
        for (int i = 0; i < 5; i++) {
            Store first = lab.store();
            if (lab.store() == first) {
                return first;
            }
        }
        throw new AssertionError("every call read the store again, though nothing changed it in between");
    }

    @ParameterizedTest
    @MethodSource("modes")
    void anUnknownContainerIsASpanishErrorThatListsTheExistingOnes(Mode mode) {
        Capas lab = lab(mode);
        lab.podman().run(NAME, Env.image());

        assertThatThrownBy(() -> lab.layers().locate("no-existe", "/tmp")).isInstanceOf(CapasException.class)
                .hasMessageContaining("No hay ningún contenedor «no-existe»").hasMessageContaining(NAME);
    }

    @ParameterizedTest
    @MethodSource("modes")
    void aContainerTheLabDidNotCreateIsLeftAlone(Mode mode) {
        Capas lab = lab(mode);
        String foreign = "capas-it-ajeno-" + mode.name().toLowerCase();
        Podman podman = lab.podman();
        podman.command("rm", "-f", "-t", "0", foreign);
        assertThat(podman.command("create", "--name", foreign, "--network", "none", Env.image()).ok()).isTrue();
        try {
            assertThatThrownBy(() -> podman.removeIfLab(foreign)).isInstanceOf(CapasException.class)
                    .hasMessageContaining("no creó el laboratorio");
            assertThat(podman.command("container", "exists", foreign).ok()).isTrue();
        } finally {
            podman.command("rm", "-f", "-t", "0", foreign);
        }
    }

    @ParameterizedTest
    @MethodSource("modes")
    void rootlessNamespacesMountsAndSubordinateIdsAreReadFromTheRealSystem(Mode mode) {
        Capas lab = lab(mode);
        if (mode == Mode.ROOTFUL) {
            assertThatThrownBy(() -> lab.processes().namespaces()).isInstanceOfSatisfying(CapasException.class,
                    e -> assertThat(e.kind()).isEqualTo(CapasException.Kind.ENVIRONMENT));
            return;
        }
        lab.podman().run(NAME, Env.image(), "sleep", "1000");
        Namespaces ns = lab.processes().namespaces(NAME);
        PauseProcess pause = lab.processes().pause();
        assertThat(ns.pause().pid()).isEqualTo(pause.pid());
        assertThat(pause.pidFile().toString()).endsWith("libpod/tmp/pause.pid");
        // What the notebook's shell cell reads with readlink, the library reads the same.
        String unshareMnt = lab.podman().unshare("readlink", "/proc/self/ns/mnt").out().strip();
        assertThat(ns.unshare().mnt()).isEqualTo(unshareMnt).isEqualTo(ns.pause().mnt()).isNotEqualTo(ns.host().mnt());
        assertThat(ns.container(NAME).mnt()).isNotEqualTo(ns.pause().mnt()).isNotEqualTo(ns.host().mnt());
        assertThat(ns.container(NAME).user()).isEqualTo(ns.pause().user()).isNotEqualTo(ns.host().user());
        assertThat(ns.container(NAME).pid()).isEqualTo(lab.podman().inspect(NAME).path("State").path("Pid").asLong());
        assertThat(ns.container(NAME).hostUid()).isEqualTo(lab.ids().hostUid());

        String merged = lab.mounts().container(NAME).mergedDir();
        assertThat(lab.mounts().namespace()).anySatisfy(m -> {
            assertThat(m.mountPoint()).isEqualTo(merged);
            assertThat(m.fsType()).isEqualTo("overlay");
        });
        assertThat(lab.mounts().host()).noneMatch(m -> m.mountPoint().equals(merged)).anyMatch(m -> m.mountPoint().equals("/"));
        assertThat(lab.files().listDirInside(Path.of(merged))).filteredOn(e -> e.name().equals("bin")).singleElement()
                .satisfies(e -> assertThat(e.uid()).isZero());
        assertThat(lab.files().listDir(Path.of(merged))).isEmpty();

        assertThat(lab.ids().uidMap().toHost(1)).isEqualTo(lab.ids().subUids().get(0).start());
        assertThat(lab.ids().gidMap().toHost(1)).isEqualTo(lab.ids().subGids().get(0).start());
        assertThat(lab.ids().gidMap().toContainer(lab.ids().hostGid())).isZero();
    }
}
