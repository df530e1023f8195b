package capas.practica.catalog;

import capas.practica.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The feedback on which containers keep an image in use. */
class FreeTheImageTest {
    private static final Map<String, Boolean> USERS = new TreeMap<>(Map.of("p5-web", true, "p5-parado", false));
    private static final Set<String> EXISTING = Set.of("p5-web", "p5-parado", "p5-vecino", "mi-servidor");

    private static Verdict judge(Object answer) {
        return FreeTheImage.judgeBlockers(FreeTheImage.names(answer), USERS, EXISTING);
    }

    @Test
    void bothUsersInAnyFormAreRight() {
        for (Object answer : new Object[] {"p5-web p5-parado", "p5-parado, p5-web\n", List.of("p5-web", "p5-parado"),
                new String[] {"p5-parado", "p5-web"}}) {
            Verdict v = judge(answer);
            assertThat(v.correct()).as(String.valueOf(answer)).isTrue();
            assertThat(v.details()).containsExactly("p5-parado · parado (creado, sin arrancar)", "p5-web · en marcha");
        }
    }

    @Test
    void forgettingTheStoppedOneSaysWhyPsMissedIt() {
        Verdict v = judge("p5-web");
        assertThat(v.correct()).isFalse();
        assertThat(v.message()).contains("Te falta p5-parado").contains("podman ps -a");
    }

    @Test
    void aContainerOfAnotherImageIsNotABlocker() {
        assertThat(judge("p5-web p5-parado p5-vecino").message()).startsWith("p5-vecino: no usa esa imagen");
        assertThat(judge("p5-parado").message()).isEqualTo("Te falta p5-web, que también usa la imagen.");
    }

    @Test
    void emptyAndUnknownAnswers() {
        assertThat(judge("").message()).contains("Escribe en respuesta");
        assertThat(judge(null).message()).contains("Escribe en respuesta");
        assertThat(judge("p5-web <b>x</b>").message()).isEqualTo("No hay ningún contenedor llamado <b>x</b> en el almacén rootful.");
    }

    @Test
    void containersAreListedInSpanish() {
        assertThat(FreeTheImage.spanishList(List.of("p5-web"))).isEqualTo("p5-web");
        assertThat(FreeTheImage.spanishList(List.of("p5-parado", "p5-web"))).isEqualTo("p5-parado y p5-web");
        assertThat(FreeTheImage.spanishList(List.of("a", "b", "c"))).isEqualTo("a, b y c");
    }
}
