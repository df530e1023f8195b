package capas.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LayerStackSvgTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theStaticDiagramsInImgAreWhatTheRendererDrawsToday() throws Exception {
        // img/ is regenerated with: java -cp target/classes capas.render.StaticDiagrams img/
        assertThat(Files.readString(Path.of("img/capas-contenedor.svg"))).isEqualTo(StaticDiagrams.container().svg());
        assertThat(Files.readString(Path.of("img/capas-whiteout.svg"))).isEqualTo(StaticDiagrams.whiteout().svg());
        assertThat(Files.readString(Path.of("img/capas-overlay-a-mano.svg"))).isEqualTo(StaticDiagrams.handMade().svg());
        assertThat(Files.readString(Path.of("img/capas-imagen.svg"))).isEqualTo(StaticDiagrams.image().svg());
    }

    @Test
    void isAnAccessibleStandaloneSvgDocument() throws Exception {
        Element svg = parse(StaticDiagrams.container().svg()).getDocumentElement();

        assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.getAttribute("viewBox")).startsWith("0 0 1000 ");
        String[] labelledBy = svg.getAttribute("aria-labelledby").split(" ");
        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getAttributes().getNamedItem("id").getNodeValue()).isEqualTo(labelledBy[0]);
        assertThat(svg.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                .contains("Pila de capas del contenedor contenedor1").contains("1. Capa del contenedor");
    }

    @Test
    void theFileIsMarkedInTheLayerThatHoldsIt() throws Exception {
        StackDiagram diagram = StaticDiagrams.container();
        Document doc = parse(diagram.svg());
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        long highlights = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("capas-highlight".equals(g.getAttribute("class"))) {
                highlights++;
                assertThat(g.getTextContent()).contains(diagram.highlight().hostPath()).contains("★ /tmp/tmpfile.txt");
            }
        }
        assertThat(highlights).isEqualTo(1);
        assertThat(diagram.description()).contains("El fichero /tmp/tmpfile.txt está en la capa 67b0c66296f7");
    }

    @Test
    void aHandMadeOverlayIsDrawnWithItsFoldersRolesAndNoContainerWords() throws Exception {
        StackDiagram diagram = StackDiagram.handMade("Overlay montado a mano en /tmp/o/merged",
                List.of(new LayerBox("upper", true, null, "/tmp/o/upper", null, "upperdir · lectura y escritura · upper"),
                        new LayerBox("lower", false, null, "/tmp/o/lower", null, "lowerdir · sólo lectura · lower")),
                "/tmp/o/merged", false, "/tmp/o/work", new Highlight("/f2", "upper", "/tmp/o/upper/f2", true));
        Element svg = parse(diagram.svg()).getDocumentElement();

        assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent()).isEqualTo("Overlay montado a mano en /tmp/o/merged");
        assertThat(svg.getTextContent()).contains("upperdir · lectura y escritura · upper").contains("lowerdir · sólo lectura · lower")
                .contains("/tmp/o/upper").contains("workdir: /tmp/o/work").contains("✗ /f2")
                .contains("merged: no montado en este espacio de nombres de montaje")
                .doesNotContain("overlay/l/").doesNotContain("contenedor").doesNotContain("diff: ").doesNotContain("id upper");
        assertThat(diagram.description()).startsWith("Overlay montado a mano en /tmp/o/merged, de arriba abajo:")
                .contains("1. upperdir · lectura y escritura · upper: /tmp/o/upper").contains("en /tmp/o/upper/f2");
        assertThat(diagram.toMimeBundle().get("text/html")).contains("carpetas reales del montaje");
    }

    @Test
    void listsTheLayersTopToBottomInTheTextAlternative() {
        String text = StaticDiagrams.container().toMimeBundle().get("text/plain");

        assertThat(text.indexOf("1. Capa del contenedor")).isLessThan(text.indexOf("2. Capa de la imagen"));
        assertThat(text.indexOf("2. Capa de la imagen")).isLessThan(text.indexOf("4. Capa de la imagen"));
    }

    @Test
    void hostileNamesAreEscapedAndTheDocumentStaysWellFormed() throws Exception {
        String evil = "<script>alert(1)</script>&\"'\u0007" + "x".repeat(500);
        StackDiagram diagram = new StackDiagram(evil, evil, List.of(new LayerBox(evil, true, evil, "/" + evil, evil)), "/" + evil, true,
                "/" + evil, new Highlight("/tmp/" + evil, evil, "/" + evil, false));

        String svg = diagram.svg();
        String html = diagram.toMimeBundle().get("text/html");

        parse(svg);
        assertThat(svg).doesNotContain("<script").doesNotContain("\u0007").contains("&lt;script&gt;");
        assertThat(html).doesNotContain("<script").doesNotContain(" on");
    }

    @Test
    void longTextsKeepTheirEndsAndGoWholeIntoATooltip() {
        assertThat(LayerStackSvg.elide("abcdefghijklmnopqrstuvwxyz", 11)).isEqualTo("abcd…uvwxyz");
        assertThat(LayerStackSvg.elide("corto", 11)).isEqualTo("corto");
    }

    @Test
    void aWhiteoutIsDrawnAsDeleted() {
        String svg = StaticDiagrams.whiteout().svg();

        assertThat(svg).contains("✗ /var/www/index.html").contains("whiteout: borrado para el contenedor");
        assertThat(StaticDiagrams.whiteout().description()).contains("está borrado").contains("whiteout");
    }
}
