package capas.practica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import capas.CapasException.Kind;
import capas.Mode;
import capas.lab.Capas;
import capas.progress.ProgressLog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check judges the student's work, not the machine: a missing container is a ✗ with its
 * explanation, but sudo wanting a password or a dead probe is an error to fix, never a wrong answer.
 */
class PracticaCheckTest {
    /** A práctica whose tasks fail the way the store or the machine can make them fail. */
    static final class Failing implements PracticaDefinition {
        @Override
        public String id() {
            return "p0-prueba";
        }

        @Override
        public Mode mode() {
            return Mode.ROOTFUL;
        }

        @Override
        public String prepare(Capas lab) {
            return "";
        }

        @Override
        public Map<Integer, Task> tasks(Capas lab) {
            return Map.of(
                    1, answer -> {
                        throw new CapasException(Kind.UNKNOWN_CONTAINER, "No hay ningún contenedor «mi-contenedor».");
                    },
                    2, answer -> {
                        throw new CapasException(Kind.SUDO_PASSWORD, "sudo pide contraseña.", "sudo -v");
                    },
                    3, answer -> {
                        throw new CapasException(Kind.PROBE_DIED, "La sonda se ha parado.");
                    },
                    4, answer -> Verdict.right(4, "Bien."));
        }
    }

    @TempDir
    Path dir;

    private Practica practica() {
        return new Practica(new Failing(), null, new ProgressLog(dir.resolve("progreso.jsonl")), false);
    }

    @Test
    void whatTheStoreSaysIsAVerdict() {
        Verdict v = practica().comprobar(1, "x");
        assertThat(v.correct()).isFalse();
        assertThat(v.message()).isEqualTo("No hay ningún contenedor «mi-contenedor».");
    }

    @Test
    void aMachineFailureIsNotGradedAsTheStudentsMistake() {
        assertThatThrownBy(() -> practica().comprobar(2)).isInstanceOf(CapasException.class).hasMessage("sudo pide contraseña.");
        assertThatThrownBy(() -> practica().comprobar(3)).isInstanceOf(CapasException.class)
                .extracting(e -> ((CapasException) e).kind()).isEqualTo(Kind.PROBE_DIED);
    }

    @Test
    void anUnknownTaskSaysWhichOnesThereAre() {
        Practica practica = practica();
        assertThatThrownBy(() -> practica.comprobar(9)).isInstanceOf(CapasException.class).hasMessageContaining("van de la 1 a la 4");
        assertThat(practica.comprobar(4).correct()).isTrue();
    }
}
