package capas.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import capas.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lab exportar}: the lessons executed and the prácticas solved, as HTML an instructor can
 * project; with {@code --alumno}, the handout: every notebook unsolved and without outputs.
 */
class ExportarIT {
    private static final Path ROOT = Path.of(System.getProperty("capas.root", ".")).toAbsolutePath();

    @Test
    void exportsExecutedLessonsAndSolvedPracticasToHtml() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Path out = ROOT.resolve("target/exportado");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("lab").toString(), "exportar").directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CAPAS_EXPORT", out.toString());
        ChildProcess.Result run = ChildProcess.run(builder, Duration.ofMinutes(30));

        assertThat(run.exitCode()).as(run.output()).isZero();
        String lesson = Files.readString(out.resolve("03-almacenamiento-de-contenedores.html"));
        assertThat(lesson).contains("<svg").contains("capas-highlight").contains("capas-checklist").contains("/tmp/tmpfile.txt está en el directorio diff de la capa del contenedor");
        String solved = Files.readString(out.resolve("p3-donde-esta-tu-fichero-soluciones.html"));
        // Solved means every check green: no ✗, and no warning (the reference answers leave none).
        assertThat(solved).contains("Correcto: ahí está el fichero").doesNotContain("capas-callout capas-bad").doesNotContain("capas-callout capas-warn");
        for (String practica : List.of("p4-copias-y-whiteouts", "p5-liberar-una-imagen", "p6-uids-rootless")) {
            assertThat(Files.readString(out.resolve(practica + "-soluciones.html"))).as(practica)
                    .contains("capas-callout capas-ok").doesNotContain("capas-callout capas-bad").doesNotContain("capas-callout capas-warn");
        }
        // The predictions are solved too, before the changes they predict.
        String p4 = Files.readString(out.resolve("p4-copias-y-whiteouts-soluciones.html"));
        assertThat(p4).contains("el contenedor sólo puede escribir en su capa").contains("quedará una marca de borrado (whiteout)");
        assertThat(p4.indexOf("quedará una marca de borrado")).isLessThan(p4.indexOf("hay una marca de borrado (whiteout)"));
    }

    @Test
    void exportsTheStudentsHandoutWithoutSolutions() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user with sudo (./lab test runs as alumno)");
        Path out = ROOT.resolve("target/exportado-alumno");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("lab").toString(), "exportar", "--alumno").directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CAPAS_EXPORT", out.toString());
        ChildProcess.Result run = ChildProcess.run(builder, Duration.ofMinutes(15));

        assertThat(run.exitCode()).as(run.output()).isZero();
        Path handout = out.resolve("alumno");
        assertThat(run.output()).as("says where it wrote them").contains(handout.toString());
        List<String> names = List.of("00-preparacion", "03-almacenamiento-de-contenedores", "p1-overlay-a-mano", "p2-capas-compartidas",
                "p3-donde-esta-tu-fichero", "p4-copias-y-whiteouts", "p5-liberar-una-imagen", "p6-uids-rootless");
        for (String name : names) {
            for (String ext : List.of(".ipynb", ".html")) {
                String text = Files.readString(handout.resolve(name + ext));
                assertThat(text).as(name + ext).doesNotContain("solucion(").doesNotContain("\"solucion\"").doesNotContain("Correcto:");
            }
            assertThat(Files.readString(handout.resolve(name + ".ipynb"))).as(name).doesNotContain("\"output_type\"");
        }
        // The reference answer of p3's task 1, present in the source notebook's metadata.
        assertThat(Files.readString(ROOT.resolve("labs/p3-donde-esta-tu-fichero.ipynb"))).contains("--label capas.leccion=p3 --network none");
        assertThat(Files.readString(handout.resolve("p3-donde-esta-tu-fichero.ipynb"))).doesNotContain("--label capas.leccion=p3 --network none")
                .contains("p.comprobar(1)");
    }
}
