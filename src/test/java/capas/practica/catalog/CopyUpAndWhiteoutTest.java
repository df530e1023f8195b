package capas.practica.catalog;

import capas.practica.Answers;

import static org.assertj.core.api.Assertions.assertThat;

import capas.practica.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How práctica 4 reads an id and a prediction, before any store is asked. */
class CopyUpAndWhiteoutTest {
    private static final String LAYER = "4f1d9b2c7e3a5b6c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c";

    @Test
    void anIdIsAcceptedFullShortWithSha256AndInAnyCase() {
        for (String given : new String[] {LAYER, LAYER.substring(0, 12), "sha256:" + LAYER, "sha256:" + LAYER.substring(0, 12),
                "  " + LAYER.substring(0, 20).toUpperCase() + "\n"}) {
            Optional<String> prefix = Answers.idPrefix(given);
            assertThat(prefix).as(given).isPresent();
            assertThat(Answers.names(prefix.get(), LAYER)).as(given).isTrue();
        }
    }

    @Test
    void tooShortOrNotAnIdIsRefusedBeforeAnyComparison() {
        for (Object given : new Object[] {null, "", LAYER.substring(0, 11), "capa del contenedor", LAYER + "0", "sha256:", "ID: " + LAYER}) {
            assertThat(Answers.idPrefix(given)).as(String.valueOf(given)).isEmpty();
        }
        assertThat(Answers.names(LAYER.substring(0, 12), null)).isFalse();
        assertThat(Answers.names("aaaaaaaaaaaa", LAYER)).isFalse();
    }

    @Test
    void thePredictionOfAWhiteoutIsTheCharacterDevice() {
        for (String given : new String[] {"c", "C", " c) ", "c."}) {
            Verdict v = CopyUpAndWhiteout.whiteoutPrediction(given);
            assertThat(v.correct()).as(given).isTrue();
            assertThat(v.message()).contains("marca de borrado (whiteout)").contains("0:0");
        }
    }

    @Test
    void eachWrongPredictionSaysWhyItCannotBe() {
        assertThat(CopyUpAndWhiteout.whiteoutPrediction("a").message()).contains("sólo lectura");
        assertThat(CopyUpAndWhiteout.whiteoutPrediction("b").message()).contains("Un fichero vacío sigue siendo un fichero");
        assertThat(CopyUpAndWhiteout.whiteoutPrediction("d").message()).contains("taparlo desde arriba");
        assertThat(CopyUpAndWhiteout.whiteoutPrediction("e").message()).contains("directorio opaco").contains("como viste en la lección 01");
        for (Object given : new Object[] {null, "", "f", "cd", "whiteout"}) {
            Verdict v = CopyUpAndWhiteout.whiteoutPrediction(given);
            assertThat(v.correct()).isFalse();
            assertThat(v.message()).as(String.valueOf(given)).startsWith("Escribe entre comillas la letra");
        }
    }
}
