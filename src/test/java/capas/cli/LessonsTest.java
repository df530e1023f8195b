package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LessonsTest {
    @Test
    void aLessonIsNamedByItsIdItsFileOrItsPath() {
        assertThat(Lessons.idOf("03")).isEqualTo("03");
        assertThat(Lessons.idOf("p1")).isEqualTo("p1");
        assertThat(Lessons.idOf("03-almacenamiento-de-contenedores.ipynb")).isEqualTo("03");
        assertThat(Lessons.idOf("labs/p5-liberar-una-imagen.ipynb")).isEqualTo("p5");
        assertThat(Lessons.idOf("p5-liberar-una-imagen")).isEqualTo("p5");
    }

    @Test
    void theCatalogueIsTheNotebooksAndPracticasOnceEachSorted() {
        List<String> catalogue = Lessons.catalogue(
                List.of("04-almacenamiento-rootless.ipynb", "00-preparacion.ipynb", "README.md", "p3-donde-esta-tu-fichero.ipynb", "practicas"),
                List.of("p3-donde-esta-tu-fichero", "p4-copias-y-whiteouts"));

        assertThat(catalogue).containsExactly("00", "04", "p3", "p4");
        assertThat(Lessons.find("p4-copias-y-whiteouts.ipynb", catalogue)).contains("p4");
        assertThat(Lessons.find("p9", catalogue)).isEmpty();
    }

    @Test
    void thisCheckoutHasTheCourseLessons() {
        assertThat(Lessons.ofCheckout()).contains("03", "04", "p1", "p2", "p3", "p4");
    }
}
