package capas.aula.servidor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import capas.CapasException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teacher's settings: options over the saved ones, sizes as the Hub takes them, every mistake said at once. */
class ClassroomSettingsTest {
    @TempDir
    Path dir;

    @Test
    void optionsChangeOnlyWhatTheyNameAndTheRestIsTheRoster() {
        List<String> rest = new ArrayList<>();
        ClassroomSettings s = ClassroomSettings.defaults("/x/capas.jar")
                .withOptions(List.of("alumnos.csv", "--puerto", "9000", "--memoria", "2g", "--disco", "4g", "--imagen", "localhost/x:pruebas"), rest);
        assertThat(rest).containsExactly("alumnos.csv");
        assertThat(s.port()).isEqualTo(9000);
        // JupyterHub refuses "2g": the unit is kept upper-case.
        assertThat(s.memory()).isEqualTo("2G");
        assertThat(s.disk()).isEqualTo("4G");
        assertThat(s.cpus()).isEqualTo(1.5);
        assertThat(s.image()).isEqualTo("localhost/x:pruebas");
        assertThat(ClassroomSettings.defaults("j").image()).isEqualTo("localhost/capas-aula-alumno:latest");
    }

    @Test
    void savedSettingsComeBackAndAnotherRunKeepsThem() {
        ClassroomSettings.defaults("/x/capas.jar").withOptions(List.of("--inactividad", "30"), new ArrayList<>()).write(dir);
        ClassroomSettings again = ClassroomSettings.read(dir, "/y/capas.jar");
        assertThat(again.idleMinutes()).isEqualTo(30);
        assertThat(again.jar()).isEqualTo("/y/capas.jar");
    }

    @Test
    void everyBadOptionIsSaidAtOnce() {
        assertThatThrownBy(() -> ClassroomSettings.defaults("j").withOptions(List.of("--puerto", "99999", "--memoria", "mucha",
                "--certificado", "c.pem", "--nada", "1"), new ArrayList<>()))
                .isInstanceOf(CapasException.class)
                .hasMessageContaining("--puerto").hasMessageContaining("«mucha»").hasMessageContaining("--certificado y --clave")
                .hasMessageContaining("--nada");
    }

    @Test
    void theUrlNamesTheServerWhenItListensEverywhere() {
        assertThat(ClassroomSettings.defaults("j").url("aula3")).isEqualTo("http://aula3:8000/");
    }
}
