package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import capas.Mode;
import org.junit.jupiter.api.Test;

class CourseImageCheckTest {
    private static final String IMAGE = "localhost/curso/httpd:latest";

    @Test
    void theImageInTheStoreIsOk() {
        MemoryHost host = new MemoryHost().podmanAnswers(Mode.ROOTFUL, "image exists " + IMAGE, 0, "");

        Check check = new CourseImageCheck(host, true, true, IMAGE).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.topic()).isEqualTo("Imagen del curso (rootful)");
    }

    @Test
    void aMissingImageIsAWarningThatTheLauncherBuildsIt() {
        MemoryHost host = new MemoryHost().podmanAnswers(Mode.ROOTLESS, "image exists " + IMAGE, 1, "");

        Check check = new CourseImageCheck(host, false, true, IMAGE).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.detail()).contains("no está en el almacén");
        assertThat(check.fix()).isEqualTo("./lab");
    }

    @Test
    void anUnreachableStoreCannotBeLookedIn() {
        Check check = new CourseImageCheck(new MemoryHost(), true, false, IMAGE).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.detail()).startsWith("No se puede comprobar");
    }
}
