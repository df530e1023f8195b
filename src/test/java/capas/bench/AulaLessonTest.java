package capas.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reading what aula_lesson.py prints from inside a student's container. */
class AulaLessonTest {
    @Test
    void theLastJsonLineIsTheAnswerInMilliseconds() {
        String out = "WARN[0000] Using cgroups-v1 which is deprecated\n"
                + "{\"first\": 4.25, \"total\": 61.5, \"cells\": 40, \"errors\": [{\"cell\": 24, \"tag\": \"rmi-refused\", \"error\": \"Exit: 1\", \"expected\": true},"
                + " {\"cell\": 30, \"tag\": \"comprueba-rm\", \"error\": \"CapasException: no\"}],"
                + " \"failure\": null}\n";
        AulaLesson lesson = AulaLesson.parse(out);
        assertThat(lesson.firstMillis()).isCloseTo(4250, within(1e-6));
        assertThat(lesson.totalMillis()).isCloseTo(61500, within(1e-6));
        assertThat(lesson.cells()).isEqualTo(40);
        assertThat(lesson.errors()).containsExactly(new AulaLesson.CellError(24, "rmi-refused", "Exit: 1", true),
                new AulaLesson.CellError(30, "comprueba-rm", "CapasException: no", false));
        assertThat(lesson.unexpectedErrors()).isEqualTo(1);
        assertThat(lesson.errorText()).isEqualTo("rmi-refused (celda 24, la lección lo espera), comprueba-rm (celda 30)");
    }

    @Test
    void aLessonWithoutErrorsSaysNone() {
        AulaLesson lesson = AulaLesson.parse("{\"first\": 1, \"total\": 2, \"cells\": 3, \"errors\": [], \"failure\": null}");
        assertThat(lesson.errors()).isEmpty();
        assertThat(lesson.errorText()).isEqualTo("ninguna");
    }

    @Test
    void aRunThatStoppedIsAnErrorWithWhy() {
        assertThatThrownBy(() -> AulaLesson.parse("{\"first\": null, \"total\": null, \"cells\": 0, \"errors\": [],"
                + " \"failure\": \"NoSuchKernel: No such kernel named capas\"}"))
                .hasMessageContaining("la lección se paró").hasMessageContaining("No such kernel named capas");
    }

    @Test
    void noJsonAtAllQuotesTheLastLine() {
        assertThatThrownBy(() -> AulaLesson.parse("Traceback (most recent call last):\nModuleNotFoundError: No module named 'jupyter_client'\n"))
                .hasMessageContaining("ModuleNotFoundError");
        assertThatThrownBy(() -> AulaLesson.parse("")).hasMessageContaining("no escribió nada");
    }

    @Test
    void anAnswerWithoutTimesIsNoAnswer() {
        assertThatThrownBy(() -> AulaLesson.parse("{\"cells\": 3}")).hasMessageContaining("no dio su resultado");
    }
}
