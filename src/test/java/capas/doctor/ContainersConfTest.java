package capas.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainersConfTest {
    @Test
    void defaultUlimitsOnOneLine() {
        assertThat(ContainersConf.setsDefaultUlimits("[containers]\ndefault_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]\n"))
                .isTrue();
    }

    @Test
    void defaultUlimitsOverSeveralLines() {
        String conf = """
                [containers]
                default_ulimits = [
                  "nofile=1024:1024",
                  "nproc=4096:4096",
                ]
                """;

        assertThat(ContainersConf.setsDefaultUlimits(conf)).isTrue();
    }

    @Test
    void aCommentedSettingOrAnotherSectionDoesNotCount() {
        assertThat(ContainersConf.setsDefaultUlimits("[containers]\n# default_ulimits = [\"nofile=1024:1024\"]\n")).isFalse();
        assertThat(ContainersConf.setsDefaultUlimits("[engine]\ndefault_ulimits = [\"nofile=1024:1024\"]\n")).isFalse();
        assertThat(ContainersConf.setsDefaultUlimits("[containers]\ndefault_ulimits = [\"nproc=4096:4096\"]\n")).isFalse();
    }

    @Test
    void aFileThatIsNotTomlSetsNothing() {
        assertThat(ContainersConf.setsDefaultUlimits("[containers\ndefault_ulimits = [\"nofile=1024:1024\"\n")).isFalse();
    }
}
