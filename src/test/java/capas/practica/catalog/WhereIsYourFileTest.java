package capas.practica.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Práctica 1's labels: what is missing is named, as key=value, in the order they are written. */
class WhereIsYourFileTest {
    @Test
    void namesTheMissingLabels() {
        assertThat(WhereIsYourFile.missingLabels(Map.of("capas.lab", "true", "capas.leccion", "p1"))).isEmpty();
        assertThat(WhereIsYourFile.missingLabels(Map.of("capas.lab", "true"))).containsExactly("capas.leccion=p1");
        assertThat(WhereIsYourFile.missingLabels(Map.of("capas.lab", "true", "capas.leccion", "03"))).containsExactly("capas.leccion=p1");
        assertThat(WhereIsYourFile.missingLabels(Map.of())).containsExactly("capas.lab=true", "capas.leccion=p1");
    }
}
