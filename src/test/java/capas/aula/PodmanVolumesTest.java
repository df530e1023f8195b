package capas.aula;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The students' home volumes found in podman volume inspect --all, by exact name and label. */
class PodmanVolumesTest {
    @Test
    void aHomeVolumeIsItsExactNameWithItsStudentsLabel() {
        String inspected = """
                [
                  {"Name": "capas-aula-ana-home", "Driver": "local",
                   "Mountpoint": "/var/lib/containers/storage/volumes/capas-aula-ana-home/_data",
                   "Labels": {"capas.aula": "ana"}},
                  {"Name": "capas-aula-ana-root", "Mountpoint": "/var/lib/containers/storage/volumes/capas-aula-ana-root/_data",
                   "Labels": {"capas.aula": "ana"}},
                  {"Name": "capas-aula-ana-home-home", "Mountpoint": "/v/capas-aula-ana-home-home/_data",
                   "Labels": {"capas.aula": "ana-home"}},
                  {"Name": "capas-aula-eva-home", "Mountpoint": "/v/capas-aula-eva-home/_data", "Labels": {"capas.aula": "luis"}},
                  {"Name": "capas-aula-pepe-home", "Mountpoint": "/v/capas-aula-pepe-home/_data", "Labels": {}}
                ]
                """;

        assertThat(PodmanVolumes.homes(inspected)).containsOnly(
                org.assertj.core.api.Assertions.entry("capas-aula-ana-home",
                        Path.of("/var/lib/containers/storage/volumes/capas-aula-ana-home/_data")),
                org.assertj.core.api.Assertions.entry("capas-aula-ana-home-home", Path.of("/v/capas-aula-ana-home-home/_data")));
        assertThat(PodmanVolumes.homes("[]")).isEmpty();
        assertThat(PodmanVolumes.homeVolume("ana")).isEqualTo("capas-aula-ana-home");
    }
}
