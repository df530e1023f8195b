package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreCheckTest {
    private static Optional<JsonNode> info(String driver) throws Exception {
        return Optional.of(new ObjectMapper().readTree("{\"store\":{\"graphDriverName\":\"" + driver
                + "\",\"graphRoot\":\"/home/alumno/.local/share/containers/storage\",\"runRoot\":\"/run/user/1001/containers\"}}"));
    }

    @Test
    void anOverlayStoreIsOk() throws Exception {
        Check check = new StoreCheck(new MemoryHost(), false, info("overlay")).run();

        assertThat(check.status()).isEqualTo(Status.OK);
        assertThat(check.topic()).isEqualTo("Almacén rootless");
        assertThat(check.detail()).isEqualTo("Driver overlay, en /home/alumno/.local/share/containers/storage (runroot /run/user/1001/containers).");
    }

    @Test
    void anotherDriverIsAWarningThatNamesTheUsersStorageConf() throws Exception {
        Check check = new StoreCheck(new MemoryHost(), false, info("vfs")).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.detail()).startsWith("Usa el driver «vfs»");
        assertThat(check.fix()).endsWith("driver = \"overlay\" en /home/alumno/.config/containers/storage.conf");
    }

    @Test
    void anUnreachableRootlessStoreIsAnError() {
        Check check = new StoreCheck(new MemoryHost(), false, Optional.empty()).run();

        assertThat(check.status()).isEqualTo(Status.ERROR);
        assertThat(check.fix()).isEqualTo("podman info");
    }

    @Test
    void anUnreachableRootfulStoreIsOnlyAWarning() {
        Check check = new StoreCheck(new MemoryHost(), true, Optional.empty()).run();

        assertThat(check.status()).isEqualTo(Status.AVISO);
        assertThat(check.topic()).isEqualTo("Almacén rootful");
        assertThat(check.detail()).contains("sudo sin contraseña");
    }
}
