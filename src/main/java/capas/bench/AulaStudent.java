package capas.bench;

/**
 * What one student's server and lesson cost, in one phase of {@code ./lab bench --aula}.
 *
 * @param name          the student
 * @param startMillis   from {@code POST /hub/api/users/<n>/server} to the Hub's {@code ready}
 * @param lesson        the lesson's Run All, or {@code null} when it could not run
 * @param problem       why there is no lesson (Spanish), or {@code null}
 * @param workingSetMb  the container's memory at its highest sample during the lesson, without
 *                      reclaimable file cache (cgroup v1 {@code memory.usage_in_bytes} less
 *                      {@code total_inactive_file}, as {@code podman stats} counts it); NaN if unread
 * @param peakMb        the cgroup's own high-water mark over the lesson, page cache included
 *                      ({@code memory.max_usage_in_bytes}, reset before the lesson); NaN if unread
 * @param cpuSeconds    CPU time the container used during the lesson (cgroup {@code cpuacct.usage}); NaN if unread
 * @param diskMb        space used on the student's own disk after the lesson; NaN if unread
 * @param diskFileMb    what that disk's file (sparse) takes on the host's disk after the lesson, file system included; NaN if unread
 */
public record AulaStudent(String name, double startMillis, AulaLesson lesson, String problem, double workingSetMb, double peakMb,
        double cpuSeconds, double diskMb, double diskFileMb) {

    public boolean ran() {
        return lesson != null;
    }
}
