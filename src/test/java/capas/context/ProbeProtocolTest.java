package capas.context;

import static org.assertj.core.api.Assertions.assertThat;

import capas.CapasException;
import capas.Mode;
import capas.store.Container;
import capas.store.Layer;
import capas.store.OverlayLayout;
import capas.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's contract: every operation of {@link Inspector} gives through the probe's wire the
 * answer it gives in this process, on the same store.
 */
class ProbeProtocolTest {
    @TempDir
    Path root;

    private OverlayLayout layout;
    /** The captured rootful store's container layers, top first. */
    private List<String> layerIds;

    @BeforeEach
    void layFixture() throws Exception {
        layout = new OverlayLayout(root);
        Path fixture = Path.of("src/test/resources/capas/store/rootful");
        for (Path to : List.of(layout.containersJson(), layout.imagesJson(), layout.layersJson())) {
            Files.createDirectories(to.getParent());
            Files.copy(fixture.resolve(to.getFileName()), to);
        }
        for (String line : Files.readAllLines(fixture.resolve("links.txt"))) {
            String[] f = line.split(" ");
            Files.createDirectories(layout.diffDir(f[0]));
            Files.writeString(layout.linkFile(f[0]), f[1]);
        }
        Store store = new LocalInspector(Mode.ROOTFUL, root).storeIfChanged("").store();
        Container c = store.containers().get(0);
        layerIds = store.containerLayers(c).stream().map(Layer::id).toList();
        Files.createDirectories(layout.diffDir(layerIds.get(0)).resolve("tmp"));
        Files.writeString(layout.diffDir(layerIds.get(0)).resolve("tmp/hola.txt"), "hola");
    }

    /**
     * Arguments to ask each operation with. An operation added to {@link Inspector} fails
     * {@link #everyOperationAnswersThroughTheProbeAsInThisProcess} until it has a line here.
     */
    private Map<String, Object[]> samples() {
        String file = layout.diffDir(layerIds.get(0)).resolve("tmp/hola.txt").toString();
        return Map.ofEntries(
                Map.entry("storeIfChanged", new Object[] {""}),
                Map.entry("locate", new Object[] {layerIds, "/tmp/hola.txt"}),
                Map.entry("changes", new Object[] {layerIds}),
                Map.entry("layerFiles", new Object[] {layerIds}),
                Map.entry("layerSizes", new Object[] {layerIds}),
                Map.entry("overlayMounts", new Object[0]),
                Map.entry("uidMap", new Object[0]),
                Map.entry("gidMap", new Object[0]),
                Map.entry("isOverlayMount", new Object[] {layout.diffDir(layerIds.get(0)).toString()}),
                Map.entry("listDir", new Object[] {layout.diffDir(layerIds.get(0)).resolve("tmp").toString()}),
                Map.entry("exists", new Object[] {file}),
                Map.entry("readFile", new Object[] {file, 3}),
                Map.entry("mountPoints", new Object[0]),
                Map.entry("namespaces", new Object[0]));
    }

    @Test
    void everyOperationAnswersThroughTheProbeAsInThisProcess() throws Exception {
        Inspector here = new LocalInspector(Mode.ROOTFUL, root);
        Inspector probe = InProcessProbe.over(new LocalInspector(Mode.ROOTFUL, root));
        Map<String, Object[]> samples = samples();

        assertThat(samples.keySet()).as("operations of Inspector with a sample here").isEqualTo(ProbeProtocol.OPERATIONS.keySet());
        for (Method op : ProbeProtocol.OPERATIONS.values()) {
            Object[] args = samples.get(op.getName());
            Object local = op.invoke(here, args);
            Object remote = op.invoke(probe, args);
            assertThat(remote).as(op.getName()).isInstanceOf(boxed(op.getReturnType()));
            // Compared as JSON: the probe's answer, once read back into its type, says all the local one says.
            assertThat(json(remote)).as(op.getName()).isEqualTo(json(local));
        }
    }

    @Test
    void aFailureCrossesTheProbeAsTheSameSpanishError() {
        Inspector here = new LocalInspector(Mode.ROOTFUL, root);
        Inspector probe = InProcessProbe.over(new LocalInspector(Mode.ROOTFUL, root));
        Function<Inspector, CapasException> failure = inspector -> catchCapas(() -> inspector.readFile("/etc/passwd", 10));

        assertThat(failure.apply(probe)).hasMessage(failure.apply(here).getMessage())
                .extracting(CapasException::kind).isEqualTo(failure.apply(here).kind());
    }

    @Test
    void anOperationTheInterfaceDoesNotHaveIsRefused() {
        ProbeProtocol.Reply reply = ProbeMain.answer(new LocalInspector(Mode.ROOTFUL, root), "{\"op\":\"delete\",\"args\":[\"/\"]}");

        assertThat(reply.value()).isNull();
        assertThat(reply.kind()).isEqualTo(CapasException.Kind.STORE_UNREADABLE.name());
    }

    @Test
    void operationsAreInspectorsMethodsButClose() throws Exception {
        assertThat(ProbeProtocol.OPERATIONS).doesNotContainKey("close")
                .containsEntry("readFile", Inspector.class.getMethod("readFile", String.class, int.class));
    }

    @Test
    void closingTheClientClosesItsProbe() {
        boolean[] closed = {false};
        Inspector client = ProbeInspector.client(new ProbeProtocol.Wire() {
            @Override
            public ProbeProtocol.Reply ask(ProbeProtocol.Request request) {
                throw new AssertionError("close is not a question");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        });

        client.close();

        assertThat(closed[0]).isTrue();
    }

    private static CapasException catchCapas(Runnable call) {
        try {
            call.run();
        } catch (CapasException e) {
            return e;
        }
        throw new AssertionError("no CapasException");
    }

    private static JsonNode json(Object value) {
        return ProbeProtocol.JSON.valueToTree(value);
    }

    private static Class<?> boxed(Class<?> type) {
        return type == boolean.class ? Boolean.class : type;
    }
}
