package capas.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table's logic: ratios, targets, verdicts and how they are written. The timings themselves are not tested. */
class BenchTableTest {
    private static final Machine MACHINE = new Machine("2026-12-04 19:50 UTC", 2, "23,5 GiB", "6.1.0", "4.3.1", "OpenJDK 17");
    private static final BenchOptions OPTIONS = new BenchOptions(500, 200, 50, 7, true, true, null, true, List.of(), null, List.of());

    @Test
    void aSpeedUpIsTheAlternativeOverCapas() {
        Target t = Target.faster(100);
        assertThat(t.ratio(0.5, 120)).isCloseTo(240, within(1e-9));
        assertThat(t.met(0.5, 120)).isTrue();
        assertThat(t.met(2, 120)).isFalse();
        assertThat(t.ratioText(0.5, 120)).isEqualTo("240×");
        assertThat(t.text()).isEqualTo("≥ 100× más rápido");
    }

    @Test
    void aFractionIsCapasOverTheAlternative() {
        Target t = Target.fraction(0.7);
        assertThat(t.ratio(700, 1400)).isCloseTo(0.5, within(1e-9));
        assertThat(t.met(700, 1400)).isTrue();
        assertThat(t.met(1000, 1400)).isFalse();
        assertThat(t.ratioText(700, 1400)).isEqualTo("0,50×");
        assertThat(t.text()).isEqualTo("≤ 0,7× la alternativa");
    }

    @Test
    void noSlowerAllowsATie() {
        assertThat(Target.noSlower().met(300, 300)).isTrue();
        assertThat(Target.noSlower().met(301, 300)).isFalse();
    }

    @Test
    void anOverheadIsTheShareCapasAdds() {
        Target t = Target.overhead(0.2);
        assertThat(t.met(11_900, 10_000)).isTrue();
        assertThat(t.met(12_100, 10_000)).isFalse();
        assertThat(t.ratioText(11_200, 10_000)).isEqualTo("+12 %");
        assertThat(t.text()).isEqualTo("Capas añade ≤ 20 %");
    }

    @Test
    void aLimitNeedsNoAlternative() {
        Figure rss = Figure.of("memoria", Measure.megabytes(212), null, null, Target.atMost(300));
        assertThat(rss.verdict()).isEqualTo(Figure.Verdict.MET);
        assertThat(rss.ratioText()).isEqualTo("—");
        assertThat(Figure.of("memoria", Measure.megabytes(340), null, null, Target.atMost(300)).verdict()).isEqualTo(Figure.Verdict.MISSED);
    }

    @Test
    void verdictsOfFiguresWithoutATargetOrWithoutValues() {
        assertThat(Figure.of("x", Measure.millis(800, 7), "jshell", Measure.millis(1600, 7), Target.none()).verdict())
                .isEqualTo(Figure.Verdict.NO_TARGET);
        Figure failed = Figure.failed("x", "podman", Target.faster(10), "sudo pide contraseña");
        assertThat(failed.verdict()).isEqualTo(Figure.Verdict.NOT_MEASURED);
        assertThat(BenchTable.verdict(failed)).isEqualTo("sin medir: sudo pide contraseña");
        // A target against an alternative is not met by a missing alternative.
        assertThat(Figure.of("x", Measure.millis(1, 300), "podman", null, Target.faster(10)).verdict())
                .isEqualTo(Figure.Verdict.NOT_MEASURED);
    }

    @Test
    void valuesReadInSpanish() {
        assertThat(Measure.millis(0.0421, 300).text()).isEqualTo("0,042 ms");
        assertThat(Measure.millis(0.84, 300).text()).isEqualTo("0,84 ms");
        assertThat(Measure.millis(142.4, 7).text()).isEqualTo("142 ms");
        assertThat(Measure.millis(1370, 7).text()).isEqualTo("1,37 s");
        assertThat(Measure.megabytes(212.4).text()).isEqualTo("212 MB");
    }

    @Test
    void theMedianIsTheMiddleValue() {
        assertThat(Timing.median(5, 1, 3)).isEqualTo(3);
        assertThat(Timing.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Timing.median(2, 3, () -> "x").runs()).isEqualTo(3);
    }

    @Test
    void theTextTableAlignsItsColumns() {
        List<Figure> figures = List.of(
                Figure.of("consulta", Measure.millis(0.5, 300), "podman inspect", Measure.millis(120, 7), Target.faster(100)),
                Figure.of("tabla con tamaños", Measure.millis(40, 5), "podman ps -a --size", Measure.millis(180, 3), Target.faster(10)));
        List<String> lines = BenchTable.text(figures).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("cifra").contains("¿se cumple?");
        assertThat(lines.get(2)).contains("0,50 ms (n=300)", "120 ms (n=7)", "240×", "≥ 100× más rápido").endsWith("sí");
        assertThat(lines.get(3)).contains("4,50×").endsWith("NO");
        // Columns start at the same place on every line.
        assertThat(lines.get(2).indexOf("0,50 ms")).isEqualTo(lines.get(3).indexOf("40 ms")).isEqualTo(lines.get(0).indexOf("Capas"));
    }

    @Test
    void theMarkdownTableEscapesPipes() {
        String md = BenchTable.markdown(List.of(
                Figure.of("a | b", Measure.millis(1, 1), "podman ps --format '{{.ID}}'", Measure.millis(2, 1), Target.noSlower())));
        assertThat(md.lines().toList()).hasSize(3);
        assertThat(md).contains("| a \\| b |", "podman ps --format '{{.ID}}'").startsWith("| cifra |");
    }

    @Test
    void theAlternativesNameTheirCommands() {
        assertThat(Messages.of(Bench.class).get("alt.inspect", "sudo podman"))
                .isEqualTo("sudo podman inspect --format '{{.GraphDriver.Data.UpperDir}}'");
    }

    @Test
    void theDocumentSaysByHowMuchATargetIsMissed() {
        List<Figure> figures = List.of(
                Figure.of("tabla con tamaños", Measure.millis(40, 5), "podman ps", Measure.millis(180, 3), Target.faster(10)),
                Figure.of("cuaderno 03", Measure.millis(13_000, 1), "bash", Measure.millis(10_000, 1), Target.overhead(0.2)),
                Figure.of("consulta", Measure.millis(0.5, 300), "podman inspect", Measure.millis(120, 7), Target.faster(100)),
                Figure.failed("sonda sudo", "sudo stat", Target.faster(10), "sudo pide contraseña"));
        String doc = BenchTable.document(figures, MACHINE, OPTIONS, "");
        assertThat(doc).startsWith("# Rendimiento de Capas")
                .contains("2 procesadores", "podman 4.3.1", "500 contenedores y 200 imágenes")
                .contains("Objetivos cumplidos: 1; no cumplidos: 2; sin medir: 1.")
                .contains("**tabla con tamaños**: 4,50× frente a un objetivo de ≥ 10× más rápido (le falta un factor 2,2)")
                .contains("**cuaderno 03**: +30 % frente a un objetivo de Capas añade ≤ 20 % (se pasa en 10 puntos)")
                .contains("**sonda sudo**: sudo pide contraseña")
                .endsWith(BenchTable.HAND_WRITTEN + "\n");
    }

    @Test
    void rewritingTheDocumentKeepsItsHandWrittenPart() {
        String previous = "# viejo\n| tabla vieja |\n" + BenchTable.HAND_WRITTEN + "\n## Dónde se va el tiempo\nexplicación\n";
        String kept = BenchTable.handWritten(previous);
        assertThat(kept).startsWith(BenchTable.HAND_WRITTEN).contains("explicación").doesNotContain("tabla vieja");
        assertThat(BenchTable.document(List.of(), MACHINE, OPTIONS, kept)).endsWith("## Dónde se va el tiempo\nexplicación\n");
        assertThat(BenchTable.handWritten("sin marca")).isEmpty();
    }

    @Test
    void theShellCellsOfANotebookAreTheBashAndShMagics(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("03-x.ipynb");
        Files.writeString(nb, """
                {"cells": [
                  {"cell_type": "markdown", "source": ["%%bash\\n", "no"]},
                  {"cell_type": "code", "source": ["var lab = Capas.rootful();"]},
                  {"cell_type": "code", "source": ["%%bash\\n", "echo uno\\n", "echo dos"]},
                  {"cell_type": "code", "source": "%%sh\\nls"}
                ]}""");
        assertThat(KernelBench.shellCellSources(nb)).containsExactly("echo uno\necho dos", "ls");
    }

    private static final class Messages {
        static capas.Messages of(Class<?> anchor) {
            return capas.Messages.of(anchor);
        }
    }
}
