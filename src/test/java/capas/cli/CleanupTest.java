package capas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanupTest {
    private static final String COURSE = "localhost/curso/httpd:latest";

    private static Cleanup.Container container(String id, Map<String, String> labels) {
        return new Cleanup.Container(id, List.of("name-" + id), labels);
    }

    private static final List<Cleanup.Container> CONTAINERS = List.of(
            container("lab03", Map.of("capas.lab", "true", "capas.leccion", "03")),
            container("labp4", Map.of("capas.lab", "true", "capas.leccion", "p4")),
            container("lab", Map.of("capas.lab", "true")),
            // Labelled with the lesson by someone, but not as the lab's.
            container("ajenop4", Map.of("capas.leccion", "p4")),
            // A student's container from the course image: it inherits the image's label, not capas.lab.
            container("ajeno", Map.of("capas.lab.imagen", "true")));

    @Test
    void everythingTheLabCreatedAndNothingElse() {
        assertThat(Cleanup.containers(CONTAINERS, null)).containsExactly("lab03", "labp4", "lab");
    }

    @Test
    void oneLessonAlone() {
        assertThat(Cleanup.containers(CONTAINERS, "p4")).containsExactly("labp4");
        assertThat(Cleanup.containers(CONTAINERS, "04")).isEmpty();
    }

    private static final List<Cleanup.Image> IMAGES = List.of(
            new Cleanup.Image("c", List.of(COURSE), Map.of("capas.lab.imagen", "true")),
            new Cleanup.Image("c2", List.of("localhost/curso/httpd:viejo"), Map.of("capas.lab.imagen", "true")),
            new Cleanup.Image("w", List.of("localhost/capas-p4/web:latest", "localhost/capas-p4/web:otra"), Map.of("capas.lab.imagen", "p4")),
            new Cleanup.Image("x", List.of("localhost/capas-p2/base:latest"), Map.of("capas.lab.imagen", "p2")),
            // Someone's image derived from the lesson's: same label, not a name the lab gives.
            new Cleanup.Image("d", List.of("localhost/mia/derivada:latest"), Map.of("capas.lab.imagen", "p4")),
            // A lab-looking name without the lab's label: not the lab's.
            new Cleanup.Image("n", List.of("localhost/capas-p4/suya:latest"), Map.of()),
            new Cleanup.Image("dangling", List.of(), Map.of("capas.lab.imagen", "p4")));

    @Test
    void aLessonRemovesOnlyItsOwnNamedImagesNeverTheCourseImage() {
        assertThat(Cleanup.images(IMAGES, "p4", COURSE))
                .containsExactly("localhost/capas-p4/web:latest", "localhost/capas-p4/web:otra");
    }

    @Test
    void everythingIncludesTheCourseImageWithAnyTag() {
        assertThat(Cleanup.images(IMAGES, null, COURSE)).containsExactly("localhost/capas-p2/base:latest",
                "localhost/capas-p4/web:latest", "localhost/capas-p4/web:otra", COURSE, "localhost/curso/httpd:viejo");
    }

    @Test
    void theRepositoryOfANameKeepsARegistryPort() {
        assertThat(Cleanup.repository("localhost:5000/curso/httpd:1")).isEqualTo("localhost:5000/curso/httpd");
        assertThat(Cleanup.repository("localhost:5000/curso/httpd")).isEqualTo("localhost:5000/curso/httpd");
    }
}
