package capas.safety;

import static org.assertj.core.api.Assertions.assertThat;

import capas.notebook.Prerequisites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs first in the integration run (see junit-platform.properties): fills both stores with
 * things of the student's own, which every notebook, práctica and clean-up that follows must
 * leave exactly as they are. {@link StudentThingsIntactIT}, last, checks them.
 */
@Order(1)
class StudentThingsSeedIT {
    static final Path RECORD = Path.of("target", "seguridad", "cosas-del-alumno.tsv").toAbsolutePath();
    /** Set once the record is written by this JVM: a record left in target/ by an earlier, interrupted run does not count. */
    private static volatile boolean seeded;

    /** Whether this run's seed made the things in {@link #RECORD} (both classes run in failsafe's one JVM). */
    static boolean seededInThisRun() {
        return seeded;
    }

    @Test
    void theStudentHasThingsOfTheirOwnInBothStoresBeforeTheLabRuns() throws Exception {
        Prerequisites.require(!"root".equals(System.getProperty("user.name")), "an unprivileged user (./lab test runs as alumno)");
        Prerequisites.requireExecutable("/usr/bin/podman");
        List<StudentThings.Thing> things = new ArrayList<>(StudentThings.seed(false));
        things.addAll(StudentThings.seed(true));
        StudentThings.save(RECORD, things);
        assertThat(things).hasSizeGreaterThanOrEqualTo(20);
        assertThat(things).allSatisfy(t -> assertThat(t.fingerprint()).hasSize(64));
        seeded = true;
    }
}
