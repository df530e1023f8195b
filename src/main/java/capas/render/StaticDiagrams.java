package capas.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the generic diagrams of {@code img/} (for the README, and for reading without podman)
 * with the same renderer the notebooks use, so the static pictures never drift from the live ones.
 *
 * <pre>java -cp target/classes capas.render.StaticDiagrams img/</pre>
 */
public final class StaticDiagrams {
    private static final String ROOT = "/var/lib/containers/storage/overlay/";
    private static final capas.Messages M = capas.Messages.of(StaticDiagrams.class);

    private StaticDiagrams() {
    }

    /** A container of a three-layer image with {@code /tmp/tmpfile.txt} written in its layer (example ids). */
    public static StackDiagram container() {
        String upper = "67b0c66296f7957a0d82c8e48442ee0d7e3b3386dadde46cd8dadf3c90d40000";
        List<LayerBox> layers = List.of(
                new LayerBox(upper, true, "RZ4YB7GOLMN2QX3K5PVW6TJDUA", ROOT + upper + "/diff", null),
                new LayerBox("c2f1a9e0d4b7f6a3c8e5d2b9a6f3c0e7d4b1a8f5c2e9d6b3a0f7c4e1d8b5a2f9", false, "HG5LNFDGAQQ5WDKVTZNOKOTQVM",
                        ROOT + "c2f1a9e0d4b7f6a3c8e5d2b9a6f3c0e7d4b1a8f5c2e9d6b3a0f7c4e1d8b5a2f9/diff", "3,6 kB"),
                new LayerBox("9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d", false, "W7FV4JCZLR5KNQ3FVUKMALPK3G",
                        ROOT + "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d/diff", "141,8 kB"),
                new LayerBox("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b", false, "4J2UBLYBO6EBNHYMJPT4MIAUNA",
                        ROOT + "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b/diff", "4,3 MB"));
        return new StackDiagram("contenedor1", "localhost/curso/httpd:latest", layers, ROOT + upper + "/merged", true,
                ROOT + upper + "/work", new Highlight("/tmp/tmpfile.txt", upper, ROOT + upper + "/diff/tmp/tmpfile.txt", false));
    }

    /** The same container after deleting a file of the image: a whiteout in its layer. */
    public static StackDiagram whiteout() {
        StackDiagram base = container();
        String upper = base.layers().get(0).id();
        return new StackDiagram(base.containerName(), base.imageName(), base.layers(), base.mergedDir(), true, base.workDir(),
                new Highlight("/var/www/index.html", upper, ROOT + upper + "/diff/var/www/index.html", true));
    }

    /**
     * Lesson 01's overlay mounted by hand: {@code upper} over {@code lower}, {@code f3} in both and
     * served from upper, as the notebook builds it in {@code ~/capas-01}.
     */
    public static StackDiagram handMade() {
        String base = "/home/alumno/capas-01/";
        List<LayerBox> layers = List.of(
                new LayerBox("upper", true, null, base + "upper", null, M.get("static.hand.upper")),
                new LayerBox("lower", false, null, base + "lower", null, M.get("static.hand.lower")));
        return StackDiagram.handMade(M.get("static.hand.title", base + "merged"), layers, base + "merged", true, base + "work",
                new Highlight("/f3", "upper", base + "upper/f3", false));
    }

    /** Lesson 02's course image alone: its three read-only layers, the base at the bottom (example ids). */
    public static StackDiagram image() {
        List<LayerBox> layers = container().layers().subList(1, 4);
        return new StackDiagram(null, "localhost/curso/httpd:latest", layers, null, false, null, null);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "img"));
        Files.writeString(dir.resolve("capas-contenedor.svg"), container().svg());
        Files.writeString(dir.resolve("capas-whiteout.svg"), whiteout().svg());
        Files.writeString(dir.resolve("capas-overlay-a-mano.svg"), handMade().svg());
        Files.writeString(dir.resolve("capas-imagen.svg"), image().svg());
    }
}
