package capas.leccion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.CapasException.Kind;
import capas.Mode;
import capas.progress.Action;
import capas.progress.ProgressLog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Comprueba answers with a checklist, records its verdict, and never grades the machine's faults. */
class LeccionTest {
    @TempDir
    Path dir;

    static final class Sample implements LessonDefinition {
        @Override
        public String id() {
            return "99";
        }

        @Override
        public Mode mode() {
            return Mode.ROOTFUL;
        }

        @Override
        public Map<String, LessonCheck> checks() {
            Map<String, LessonCheck> checks = new LinkedHashMap<>();
            checks.put("bien", (lesson, data) -> List.of(Checked.claim(true, "el fichero está en la capa", "/x/diff/tmp/f")));
            checks.put("mal", (lesson, data) -> List.of(Checked.claim(true, "uno", ""), Checked.claim(false, "dos", "vale 3")));
            checks.put("prediccion", (lesson, data) -> List.of(Checked.claim(true, "hecho", ""),
                    Checked.prediction(lesson.prediction("capa").orElse("").equals("contenedor"), "tu predicción", "")));
            checks.put("sin-contenedor", (lesson, data) -> {
                throw new CapasException(Kind.UNKNOWN_CONTAINER, "No hay ningún contenedor «contenedor1».");
            });
            checks.put("sudo", (lesson, data) -> {
                throw new CapasException(Kind.SUDO_PASSWORD, "sudo pide contraseña.", "sudo -v");
            });
            checks.put("datos", (lesson, data) -> List.of(Checked.claim(data.equals(List.of(20, "x")), "datos", data.toString())));
            return checks;
        }

        @Override
        public String title(String check) {
            return "Comprueba " + check;
        }
    }

    private Leccion lesson() {
        return new Leccion(new Sample(), null, log());
    }

    private ProgressLog log() {
        return new ProgressLog(dir.resolve("progreso.jsonl"));
    }

    @Test
    void passesWhenEveryClaimHoldsAndRecordsIt() {
        Checklist list = lesson().comprueba("bien");
        assertThat(list.passed()).isTrue();
        assertThat(list.toString()).isEqualTo("Comprueba bien\n✓ el fichero está en la capa\n    /x/diff/tmp/f");
        assertThat(log().read()).singleElement().satisfies(e -> {
            assertThat(e.notebook()).isEqualTo("99");
            assertThat(e.step()).isEqualTo("bien");
            assertThat(e.action()).isEqualTo(Action.CHECK);
            assertThat(e.correct()).isTrue();
        });
    }

    @Test
    void oneFalseClaimFailsTheCheckAndTheRecordSaysWhich() {
        Checklist list = lesson().comprueba("mal");
        assertThat(list.passed()).isFalse();
        assertThat(list.toString()).contains("✓ uno", "✗ dos\n    vale 3");
        assertThat(log().read()).singleElement().satisfies(e -> {
            assertThat(e.correct()).isFalse();
            assertThat(e.detail()).isEqualTo("dos: vale 3");
        });
    }

    @Test
    void aWrongPredictionNeverFailsTheCheck() {
        Leccion l = lesson();
        l.predigo("capa", "imagen");
        Checklist list = l.comprueba("prediccion");
        assertThat(list.passed()).isTrue();
        assertThat(list.toString()).contains("~ tu predicción");
        assertThat(log().read()).extracting(e -> e.action() + " " + e.correct()).containsExactly("CHECK true", "PREDICTION false");
    }

    @Test
    void whatTheStoreSaysIsAFailedCheckButTheMachinesFaultIsAnError() {
        assertThat(lesson().comprueba("sin-contenedor").toString()).contains("✗", "No hay ningún contenedor «contenedor1».");
        assertThatThrownBy(() -> lesson().comprueba("sudo")).isInstanceOf(CapasException.class).hasMessage("sudo pide contraseña.");
    }

    @Test
    void passesAlongWhatTheNotebookGives() {
        assertThat(lesson().comprueba("datos", 20, "x").passed()).isTrue();
    }

    @Test
    void anUnknownCheckNamesTheOnesThereAre() {
        assertThatThrownBy(() -> lesson().comprueba("otra")).isInstanceOf(CapasException.class).hasMessageContaining("bien, mal");
    }

    @Test
    void htmlEscapesWhatComesFromTheStore() {
        var list = new Checklist("t", List.of(Checked.claim(false, "<b>fichero</b>", "a & b")));
        assertThat(list.toMimeBundle().get("text/html")).contains("&lt;b&gt;fichero&lt;/b&gt;", "a &amp; b").doesNotContain("<b>");
    }
}
