package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropInTest {
    @Test
    void aNewDropInHasOnlyTheSettingAsked() {
        assertThat(DropIn.merge("", "containers", "default_ulimits", RlimitsCheck.LOWER_ULIMITS)).isEqualTo(DropIn.HEADER + "\n"
                + "[containers]\ndefault_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]\n");
    }

    @Test
    void fixingOneCheckKeepsTheOthersSetting() {
        // The file the bash launcher wrote on this VM, then the runtime fix on top of it.
        String bash = """
                # Escrito por Capas (./lab): ajustes que esta máquina necesita.
                [containers]
                default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
                """;

        String merged = DropIn.merge(bash, "engine", "runtime", "\"runc\"");

        assertThat(merged).isEqualTo(DropIn.HEADER + "\n[containers]\ndefault_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]\n"
                + "[engine]\nruntime = \"runc\"\n");
    }

    @Test
    void settingAKeyAgainReplacesIt() {
        String once = DropIn.merge("", "engine", "runtime", "\"crun\"");

        assertThat(DropIn.merge(once, "engine", "runtime", "\"runc\"")).isEqualTo(DropIn.HEADER + "\n[engine]\nruntime = \"runc\"\n");
    }
}
