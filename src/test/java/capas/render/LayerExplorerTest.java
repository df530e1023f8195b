package capas.render;

import static org.assertj.core.api.Assertions.assertThat;

import capas.render.LayerExplorer.Item;
import capas.render.LayerExplorer.Layer;
import capas.render.LayerExplorer.Mark;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LayerExplorerTest {
    /** Golden files; regenerate with -Dcapas.golden.update=true after a deliberate change, then review the diff. */
    private static final Path GOLDEN = Path.of("src/test/resources/capas/render");

    /** A container over a two-layer image, as the course's lesson leaves it: a copy-up, a whiteout, a new file. */
    static LayerExplorer container() {
        return new LayerExplorer("contenedor1", true, List.of(
                new Layer("3f1c0d9be2a4c1f7a9d0e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7", List.of(
                        new Item("/etc", Mark.C, true, false, 1043),
                        new Item("/etc/passwd", Mark.C, false, false, 1043),
                        new Item("/tmp", Mark.A, true, false, 15),
                        new Item("/tmp/tmpfile.txt", Mark.A, false, false, 15),
                        new Item("/usr", Mark.C, true, false, 0),
                        new Item("/usr/local", Mark.C, true, false, 0),
                        new Item("/usr/local/apache2", Mark.C, true, false, 0),
                        new Item("/usr/local/apache2/htdocs", Mark.C, true, false, 0),
                        new Item("/usr/local/apache2/htdocs/index.html", Mark.D, false, false, 0))),
                new Layer("9a8b7c6d5e4f", List.of(
                        new Item("/usr", Mark.C, true, false, 45),
                        new Item("/usr/local", Mark.C, true, false, 45),
                        new Item("/usr/local/apache2", Mark.A, true, false, 45),
                        new Item("/usr/local/apache2/htdocs", Mark.A, true, true, 45),
                        new Item("/usr/local/apache2/htdocs/index.html", Mark.A, false, false, 45))),
                new Layer("base0000", List.of(
                        new Item("/bin", Mark.A, true, false, 1_234_567),
                        new Item("/bin/busybox", Mark.A, false, false, 1_234_567),
                        new Item("/etc", Mark.A, true, false, 1000),
                        new Item("/etc/passwd", Mark.A, false, false, 1000),
                        new Item("/usr", Mark.A, true, false, 0)))));
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("capas.golden.update")) {
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file));
    }

    /** The HTML is well formed (every tag closed) and has no scripts: parsed as XML. */
    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element firstElement(Element parent) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no child element in " + parent.getTagName());
    }

    @Test
    void htmlIsTheGoldenOne() throws Exception {
        assertGolden("layer-explorer-container.html", container().toMimeBundle().get("text/html"));
    }

    @Test
    void textIsTheGoldenOne() throws Exception {
        assertGolden("layer-explorer-container.txt", container().toMimeBundle().get("text/plain"));
    }

    @Test
    void everyLayerAndFolderIsFoldedDetailsWithASummary() throws Exception {
        Element div = parse(container().html()).getDocumentElement();
        NodeList details = div.getElementsByTagName("details");

        // 3 layers; folders with entries under them: etc, tmp, usr, usr/local, apache2, htdocs (top) + usr, local, apache2, htdocs + bin, etc.
        assertThat(details.getLength()).isEqualTo(3 + 6 + 4 + 2);
        for (int i = 0; i < details.getLength(); i++) {
            Element d = (Element) details.item(i);
            assertThat(d.hasAttribute("open")).as("folded by default").isFalse();
            assertThat(firstElement(d).getTagName()).isEqualTo("summary");
        }
        assertThat(div.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void marksAreLettersWithAWordNotOnlyAColour() throws Exception {
        String html = container().html();

        assertThat(html).contains("title=\"añadido\"").contains("title=\"modificado\"").contains("title=\"borrado (whiteout)\"")
                .contains(">D</span> <code>index.html</code>").contains("<span class=\"capas-opaque\"")
                .contains(Palette.OK).contains(Palette.WARN).contains(Palette.BAD);
    }

    @Test
    void layersAreNamedTopFirstWithTheContainersOwnOnTop() {
        String text = container().text();

        assertThat(text).containsSubsequence("Capa del contenedor (lectura y escritura) 3f1c0d9be2a4", "Capa 2 de la imagen 9a8b7c6d5e4f",
                "Capa 1 de la imagen base0000");
        assertThat(text).contains("  D  /usr/local/apache2/htdocs/index.html\n").contains("  A  /usr/local/apache2/htdocs/ [opaca]  (45 B)");
    }

    @Test
    void aFolderDeletedAndMadeAgainShowsWhatItHoldsButADeletedFileHasNoSize() {
        LayerExplorer explorer = new LayerExplorer("web", true, List.of(new LayerExplorer.Layer("3f1c0d9be2a4", List.of(
                new LayerExplorer.Item("/var", LayerExplorer.Mark.C, true, false, 5),
                new LayerExplorer.Item("/var/www", LayerExplorer.Mark.D, true, true, 5),
                new LayerExplorer.Item("/var/www/nuevo.html", LayerExplorer.Mark.A, false, false, 5),
                new LayerExplorer.Item("/var/viejo.txt", LayerExplorer.Mark.D, false, false, 0)))));

        assertThat(explorer.text()).contains("  D  /var/www/ [opaca]  (5 B)\n").contains("  D  /var/viejo.txt\n");
    }

    @Test
    void anImageHasNoContainerLayer() {
        LayerExplorer image = new LayerExplorer("localhost/curso/httpd:latest", false, container().layers().subList(1, 3));

        assertThat(image.text()).startsWith("Capas de la imagen localhost/curso/httpd:latest, de arriba abajo")
                .doesNotContain("contenedor").contains("Capa 2 de la imagen 9a8b7c6d5e4f");
    }

    @Test
    void namesFromTheStoreAreEscaped() throws Exception {
        // A file name cannot hold '/', but anything else goes.
        String evil = "/tmp/<script>alert('x')<\\script>\"&.txt";
        LayerExplorer explorer = new LayerExplorer("<b>img</b>", false, List.of(new Layer("id\"><script>", List.of(
                new Item("/tmp", Mark.A, true, false, 3), new Item(evil, Mark.A, false, false, 3),
                new Item("/tmp/línea\nnueva", Mark.A, false, false, 0)))));
        String html = explorer.html();

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>img").doesNotContain("id\">")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;\\script&gt;&quot;&amp;.txt").contains("&lt;b&gt;img&lt;/b&gt;");
        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getDocumentElement().getTextContent()).contains("<script>alert('x')<\\script>\"&.txt");
        // In text, a newline in a name cannot forge another line.
        assertThat(explorer.text()).contains("  A  /tmp/línea\uFFFDnueva  (0 B)\n");
    }

    static LayerExplorer big(int files) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("/data", Mark.A, true, false, files * 10L));
        for (int d = 0; d < files / 100; d++) {
            String dir = String.format("/data/d%03d", d);
            items.add(new Item(dir, Mark.A, true, false, 1000));
            for (int f = 0; f < 100; f++) {
                items.add(new Item(String.format("%s/f%03d.txt", dir, f), Mark.A, false, false, 10));
            }
        }
        return new LayerExplorer("grande", false, List.of(new Layer("big", items)));
    }

    @Test
    void aLayerWithThousandsOfFilesIsCutWithASpanishNoteAndStaysSmall() throws Exception {
        LayerExplorer explorer = big(5000);
        String html = explorer.html();
        String text = explorer.text();

        assertThat(explorer.layers().get(0).entries()).hasSize(5051);
        assertThat(html).contains("Se muestran las primeras 2.000 entradas de 5.051.");
        assertThat(text).contains("Se muestran las primeras 2.000 entradas de 5.051.");
        // The 2,000th entry is shown, the next one is not.
        assertThat(text).contains("/data/d019/f078.txt  (10 B)\n").doesNotContain("/data/d019/f079.txt").doesNotContain("/data/d049");
        assertThat(html.length()).isLessThan(600_000);
        assertThat(text.length()).isLessThan(120_000);
        assertThat(parse(html).getElementsByTagName("li").getLength()).isEqualTo(2000);
        assertThat(explorer.html()).isEqualTo(html);
    }

    @Test
    void theLimitCanBeChosen() {
        LayerExplorer explorer = new LayerExplorer("grande", false, big(500).layers(), 10);

        assertThat(explorer.text().lines().filter(l -> l.startsWith("  A  ")).count()).isEqualTo(10);
        assertThat(explorer.text()).contains("Se muestran las primeras 10 entradas de 506.");
    }

    @Test
    void anEmptyLayerSaysSo() {
        LayerExplorer explorer = new LayerExplorer("vacía", false, List.of(new Layer("e", List.of())));

        assertThat(explorer.html()).contains("Esta capa no tiene ninguna entrada.");
        assertThat(explorer.text()).contains("0 entradas · 0 B · A 0 · C 0 · D 0");
    }
}
