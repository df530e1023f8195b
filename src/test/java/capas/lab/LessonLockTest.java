package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two kernels are two JVMs: the other holder here is a real second process. */
class LessonLockTest {
    /** A second kernel: takes the lesson, says so, and keeps it until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            LessonLock.claim(args[0], Path.of(args[1]));
            System.out.println("abierta");
            Thread.sleep(60_000);
        }
    }

    private static Process holder(String lesson, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Holder.class.getName(), lesson, dir.toString())
                .redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(first).as("the other kernel took the lesson").isEqualTo("abierta");
        return p;
    }

    @Test
    void aLessonOpenInAnotherKernelIsRefusedNamingThatKernel(@TempDir Path dir) throws Exception {
        Process other = holder("03", dir);
        try {
            assertThatThrownBy(() -> LessonLock.claim("03", dir)).isInstanceOf(CapasException.class)
                    .hasMessageContaining("La lección 03 ya está abierta en otro cuaderno").hasMessageContaining("pid " + other.pid())
                    .satisfies(e -> assertThat(((CapasException) e).kind()).isEqualTo(CapasException.Kind.LESSON_IN_USE));
            LessonLock.claim("04", dir);   // another lesson is free
        } finally {
            other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKernelThatEndedLeavesTheLessonFree(@TempDir Path dir) throws Exception {
        Process other = holder("p1", dir);
        other.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        LessonLock.claim("p1", dir);
    }

    @Test
    void theSameKernelMayOpenItsLessonAgain(@TempDir Path dir) {
        LessonLock.claim("02", dir);
        LessonLock.claim("02", dir);
    }
}
