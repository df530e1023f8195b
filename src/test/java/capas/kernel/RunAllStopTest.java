package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunAllStopTest {
    private static final long MS = 1_000_000L;

    @Test
    void nothingIsSkippedBeforeAFailure() {
        assertThat(new RunAllStop().skips(0)).isFalse();
    }

    @Test
    void theCellsQueuedBehindAFailureAreSkippedEvenAlongQueue() {
        RunAllStop stop = new RunAllStop();
        stop.failed(1_000 * MS);
        long t = 1_000 * MS;
        for (int cell = 0; cell < 100; cell++) {
            t += 20 * MS; // 100 queued cells, 2 s in all: each one extends the window
            assertThat(stop.skips(t)).as("cell %d", cell).isTrue();
        }
    }

    @Test
    void aCellRunAgainByHandAfterReadingTheErrorRuns() {
        RunAllStop stop = new RunAllStop();
        stop.failed(0);
        assertThat(stop.skips(3_000 * MS)).isFalse();
        assertThat(stop.skips(3_001 * MS)).as("the next ones too").isFalse();
    }

    @Test
    void afterTheQueueTheNextFailureStartsAgain() {
        RunAllStop stop = new RunAllStop();
        stop.failed(0);
        assertThat(stop.skips(10 * MS)).isTrue();
        assertThat(stop.skips(2_000 * MS)).isFalse();
        stop.failed(5_000 * MS);
        assertThat(stop.skips(5_010 * MS)).isTrue();
    }
}
