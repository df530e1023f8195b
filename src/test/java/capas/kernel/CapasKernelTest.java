package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CapasKernelTest {
    private static CapasKernel kernel;

    @BeforeAll
    static void start() {
        kernel = CapasKernel.create();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStopPressedBeforeTheCellReachesJShellStillStopsIt() {
        // The frontend saw "busy" and the student pressed Stop; JShell may still be starting.
        kernel.beginCell();
        kernel.interrupt();
        CellFailure failure = catchThrowableOfType(() -> kernel.run("while (true) {}"), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStopPressedBeforeAShellCellStartsStillStopsIt() {
        kernel.beginCell();
        kernel.interrupt();
        CellFailure failure = catchThrowableOfType(() -> kernel.run("%%bash\nsleep 60"), CellFailure.class);
        assertThat(failure.ename()).isEqualTo("Interrumpido");
    }

    @Test
    void aStopPressedWhileIdleDoesNotReachTheNextCell() {
        kernel.interrupt();
        kernel.beginCell();
        assertThat(kernel.run("\"sigue\"").getData(MIMEType.TEXT_PLAIN)).isEqualTo("\"sigue\"");
    }
}
