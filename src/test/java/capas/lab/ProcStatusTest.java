package capas.lab;

import static org.assertj.core.api.Assertions.assertThat;

import capas.os.Posix;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
    @Test
    void readsWhoRunsThisProcess() {
        assertThat(ProcStatus.uid(ProcessHandle.current().pid())).isEqualTo(Posix.uid());
        assertThat(ProcStatus.gid(ProcessHandle.current().pid())).isNotNegative();
    }

    @Test
    void aProcessThatIsGoneIsMinusOne() {
        assertThat(ProcStatus.uid(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
