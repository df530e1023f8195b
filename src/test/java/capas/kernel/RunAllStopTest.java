package capas.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.junit.jupiter.api.Test;

class RunAllStopTest {
    private static final Instant T0 = Instant.parse("2026-11-25T16:00:00Z");

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void nothingIsSkippedBeforeAFailure() {
        assertThat(new RunAllStop().skips(T0)).isFalse();
    }

    @Test
    void everyCellSentInTheSameBurstAsTheFailedOneIsSkipped() {
        RunAllStop stop = new RunAllStop();
        stop.failed(at(0), Duration.ofMillis(3));
        for (int cell = 1; cell <= 60; cell++) {
            assertThat(stop.skips(at(cell))).as("cell %d of the burst", cell).isTrue();
        }
    }

    @Test
    void cellsQueuedWhileALongCellRanAreSkipped() {
        RunAllStop stop = new RunAllStop();
        // Cell 2 of a Run All failed after 40 s; cell 3 had been sent with it, cell 4 was added by hand meanwhile.
        stop.failed(at(0), Duration.ofSeconds(40));
        assertThat(stop.skips(at(1))).isTrue();
        assertThat(stop.skips(at(25_000))).isTrue();
    }

    @Test
    void aCellSentAfterTheFailureCouldBeSeenRuns() {
        RunAllStop stop = new RunAllStop();
        stop.failed(at(0), Duration.ofMillis(1500));
        assertThat(stop.skips(at(1_600))).as("sent after the interrupted cell's reply").isFalse();
        assertThat(stop.skips(at(1_601))).as("and the next ones too").isFalse();
    }

    @Test
    void aStampOfTheSenderEarlierThanTheFailedCellMeansItWasQueued() {
        RunAllStop stop = new RunAllStop();
        stop.failed(at(10_000), Duration.ofMillis(5));
        assertThat(stop.skips(at(9_000))).isTrue();
    }

    @Test
    void withoutStampsNothingIsSkipped() {
        RunAllStop stop = new RunAllStop();
        stop.failed(null, Duration.ZERO);
        assertThat(stop.skips(at(0))).isFalse();
        stop.failed(at(0), Duration.ZERO);
        assertThat(stop.skips(null)).isFalse();
    }

    @Test
    void theStampsJupyterClientAndBrowsersSendAreReadToTheMicrosecond() {
        assertThat(RunAllStop.parseStamp("2026-12-04T18:20:00.123456Z")).isEqualTo(Instant.parse("2026-12-04T18:20:00.123456Z"));
        assertThat(RunAllStop.parseStamp("2026-12-04T18:20:00.123456+00:00")).isEqualTo(Instant.parse("2026-12-04T18:20:00.123456Z"));
        assertThat(RunAllStop.parseStamp("2026-12-04T19:20:00.123+01:00")).isEqualTo(Instant.parse("2026-12-04T18:20:00.123Z"));
        assertThat(RunAllStop.parseStamp("ayer")).isNull();
        assertThat(RunAllStop.parseStamp(null)).isNull();
    }

    @Test
    void jjavasOwnTimestampCannotReadThemWhichIsWhyTheKernelParsesTheStampItself() {
        // KernelTimestamp.getDate() parses to the minute and throws on seconds: thrown before the cell ran, outside its
        // error handling, it ended the request silently, and every cell of every notebook hung without an answer.
        assertThatThrownBy(() -> new KernelTimestamp("2026-12-04T18:20:00.123456Z").getDate()).isInstanceOf(RuntimeException.class).hasMessageContaining("Invalid date string");
    }
}
