package capas.bench;

import capas.CapasException;
import capas.Messages;
import capas.os.CommandResult;
import capas.os.Commands;
import capas.os.Identity;
import capas.os.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code ./lab bench --aula N}: a throw-away classroom of its own (as a teacher makes one: the
 * lab's jar {@code aula <csv>}, with its own state folder, ports and uid range, so that a real
 * class or the tests' classroom is never touched); one student starts a server through the Hub's
 * REST API and runs all of lesson 03 through the kernel inside the container, alone; then N
 * students do the same at once. Everything it made is removed at the end, also on failure.
 */
public final class AulaBench {
    private static final Messages M = Messages.of(AulaBench.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path DIR = Path.of("/var/lib/capas-aula-bench");
    /** Far from a real class's (200 000 000 on) and the tests' (400 000 000 on) uid ranges. */
    static final long UID_BASE = 500_000_000L;
    static final String LESSON = "/home/alumno/capas/notebooks/03-almacenamiento-de-contenedores.ipynb";
    private static final String DRIVER = "aula_lesson.py";
    private static final Duration START = Duration.ofMinutes(10);
    private static final long LESSON_SECONDS = 3600;
    private static final long CLASSROOM_SECONDS = 40 * 60;
    private static final Path CGROUP = Path.of("/sys/fs/cgroup");

    private final int n;
    private final Progress progress;
    private final Path jar;
    private final String driver;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private int port;
    private String token;

    private AulaBench(int n, Progress progress, Path jar, String driver) {
        this.n = n;
        this.progress = progress;
        this.jar = jar;
        this.driver = driver;
    }

    /** The bench with {@code n} students; it needs root, as the classroom is root's. */
    public static AulaResult run(int n, Progress progress) {
        if (n < 1) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.usage"));
        }
        if (!Identity.current().root()) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.not.root"));
        }
        try (InputStream script = AulaBench.class.getResourceAsStream(DRIVER)) {
            return new AulaBench(n, progress, runningJar(), new String(script.readAllBytes(), StandardCharsets.UTF_8)).measure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heading over the printed table. */
    public static String title(Machine machine) {
        return M.get("aula.title", machine.text());
    }

    /** The line that says where the Markdown went. */
    public static String written(Path file) {
        return M.get("aula.written", file);
    }

    static List<String> students(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(String.format("bench-%02d", i));
        }
        return names;
    }

    /** The roster the classroom is made from: each student with a password of the bench's. */
    static String roster(List<String> students) {
        StringBuilder csv = new StringBuilder("nombre;contraseña;rol\n");
        students.forEach(s -> csv.append(s).append(';').append("clave-de-").append(s).append(";alumno\n"));
        return csv.toString();
    }

    private AulaResult measure() {
        List<String> students = students(n);
        removeLeftover();
        double available = memAvailableMb();
        double loadBefore = loadAverage();
        try (TempDir temp = TempDir.create("capas-bench-aula")) {
            makeClassroom(temp.path(), students);
            HttpResponse<String> created = api("POST", "users", Map.of("usernames", students));
            if (created.statusCode() != 201) {
                throw new IllegalStateException(M.get("aula.api.failed", "POST users", created.statusCode(), created.body()));
            }
            String first = students.get(0);
            progress.step(M.get("aula.step.alone", first));
            AulaStudent alone = together(List.of(first)).students().get(0);
            progress.done(M.get("aula.student.done", summary(alone)));
            // The one alone starts again from the first day, as the others do: its disk already
            // holding the course image would make its second start look cheap.
            stopServer(first);
            jarRun(Duration.ofMinutes(5), "aula", "reiniciar-entorno", first);
            progress.step(M.get("aula.step.together", n));
            Phase all = together(students);
            all.students().forEach(s -> progress.done(M.get("aula.student.done", summary(s))));
            return new AulaResult(alone, all.students(), Runtime.getRuntime().availableProcessors(), available, all.loadMax(), all.busyShare(),
                    loadBefore);
        } finally {
            progress.step(M.get("aula.step.clean"));
            removeAll();
        }
    }

    private static String summary(AulaStudent s) {
        String lesson = s.ran() ? M.get("aula.student.lesson", AulaTable.cell(AulaTable.Kind.TIME, s.lesson().firstMillis()),
                AulaTable.cell(AulaTable.Kind.TIME, s.lesson().totalMillis()), s.lesson().errorText()) : s.problem();
        return M.get("aula.student", s.name(), AulaTable.cell(AulaTable.Kind.TIME, s.startMillis()), lesson,
                AulaTable.cell(AulaTable.Kind.MEGABYTES, s.workingSetMb()), AulaTable.cell(AulaTable.Kind.CPU, s.cpuSeconds()));
    }

    /** The classroom, as {@code sudo ./lab aula alumnos.csv} makes it, on free ports of this machine. */
    private void makeClassroom(Path temp, List<String> students) {
        Path csv = temp.resolve("alumnos.csv");
        try {
            Files.writeString(csv, roster(students));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] ports = freePorts(4);
        port = ports[0];
        progress.step(M.get("aula.step.classroom", DIR, n));
        long began = System.nanoTime();
        CommandResult made = jarRun(Duration.ofSeconds(CLASSROOM_SECONDS), "aula", csv.toString(), "--ip", "127.0.0.1",
                "--puerto", String.valueOf(ports[0]), "--puerto-api", String.valueOf(ports[1]), "--puerto-proxy", String.valueOf(ports[2]),
                "--puerto-panel", String.valueOf(ports[3]), "--base-uid", String.valueOf(UID_BASE),
                "--imagen", "localhost/capas-aula-alumno:bench");
        if (!made.ok()) {
            throw new IllegalStateException(M.get("aula.classroom.failed", made.exitCode(), lastLine(made)));
        }
        progress.done(M.get("aula.classroom.done", AulaTable.cell(AulaTable.Kind.TIME, (System.nanoTime() - began) / 1e6)));
        try {
            token = Files.readString(DIR.resolve("capas-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Phase(List<AulaStudent> students, double loadMax, double busyShare) {
    }

    /**
     * {@code names} start their servers at once, then run the lesson at once; memory and load are
     * sampled every second while the lessons run.
     */
    private Phase together(List<String> names) {
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            Map<String, Double> starts = new ConcurrentHashMap<>();
            Map<String, String> problems = new ConcurrentHashMap<>();
            all(pool, names, name -> {
                try {
                    starts.put(name, startServer(name));
                } catch (RuntimeException e) {
                    problems.put(name, Bench.problem(e));
                    progress.warn(M.get("aula.start.failed", name, Bench.problem(e)));
                }
                return null;
            });
            Map<String, Cgroup> groups = new HashMap<>();
            for (String name : names) {
                if (starts.containsKey(name)) {
                    try {
                        Cgroup group = Cgroup.of(containerPid(name));
                        group.resetPeak();
                        groups.put(name, group);
                    } catch (RuntimeException e) {
                        progress.warn(M.get("aula.cgroup.failed", name, Bench.problem(e)));
                    }
                }
            }
            Sampler sampler = new Sampler(groups);
            long[] cpuBefore = procStat();
            Map<String, AulaLesson> lessons = new ConcurrentHashMap<>();
            Map<String, Double> cpu = new ConcurrentHashMap<>();
            try {
                all(pool, names, name -> {
                    if (!starts.containsKey(name)) {
                        return null;
                    }
                    Cgroup group = groups.get(name);
                    long before = group == null ? -1 : group.cpuNanos();
                    try {
                        lessons.put(name, runLesson(name));
                    } catch (RuntimeException e) {
                        problems.put(name, Bench.problem(e));
                        progress.warn(M.get("aula.lesson.failed", name, Bench.problem(e)));
                    }
                    if (group != null && before >= 0) {
                        long after = group.cpuNanos();
                        if (after >= 0) {
                            cpu.put(name, (after - before) / 1e9);
                        }
                    }
                    return null;
                });
            } finally {
                sampler.stop();
            }
            double busy = busyShare(cpuBefore, procStat());
            List<AulaStudent> result = new ArrayList<>();
            for (String name : names) {
                Cgroup group = groups.get(name);
                result.add(new AulaStudent(name, starts.getOrDefault(name, Double.NaN), lessons.get(name), problems.get(name),
                        sampler.maxWorkingSetMb(name), group == null ? Double.NaN : group.peakMb(), cpu.getOrDefault(name, Double.NaN),
                        diskMb(name), diskFileMb(name)));
            }
            return new Phase(result, sampler.loadMax(), busy);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void all(ExecutorService pool, List<String> names, Function<String, Void> work) {
        List<Future<Void>> running = new ArrayList<>();
        names.forEach(name -> running.add(pool.submit(() -> work.apply(name))));
        for (Future<Void> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.interrupted"));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Lesson 03, Run All, in the student's container as alumno: the driver comes on the command line, the image has Debian's jupyter_client. */
    private AulaLesson runLesson(String name) {
        CommandResult run = jarRun(Duration.ofSeconds(LESSON_SECONDS), "aula", "podman", name, "exec", "-u", "alumno", "-w", "/home/alumno",
                "-e", "HOME=/home/alumno", "-e", "USER=alumno", "-e", "LOGNAME=alumno", "-e", "LANG=C.UTF-8", "-e", "CAPAS_AULA=1",
                "-e", "CAPAS_DIR=/opt/capas", container(name), "/usr/bin/python3", "-c", driver, LESSON);
        if (!run.ok()) {
            throw new IllegalStateException(M.get("aula.driver.exit", run.exitCode(), lastLine(run)));
        }
        return AulaLesson.parse(run.out());
    }

    /** Starts the student's server through the Hub's API; milliseconds until the Hub says it is ready. */
    private double startServer(String name) {
        long began = System.nanoTime();
        HttpResponse<String> started = api("POST", "users/" + name + "/server", null);
        if (started.statusCode() != 201 && started.statusCode() != 202) {
            throw new IllegalStateException(M.get("aula.api.failed", "POST users/" + name + "/server", started.statusCode(), started.body()));
        }
        Instant deadline = Instant.now().plus(START);
        while (!user(name).path("servers").path("").path("ready").asBoolean(false)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(M.get("aula.start.timeout", name, START.toMinutes()));
            }
            pause(500);
        }
        return (System.nanoTime() - began) / 1e6;
    }

    private void stopServer(String name) {
        api("DELETE", "users/" + name + "/server", null);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!user(name).path("servers").isEmpty() && Instant.now().isBefore(deadline)) {
            pause(500);
        }
    }

    private JsonNode user(String name) {
        HttpResponse<String> reply = api("GET", "users/" + name, null);
        if (reply.statusCode() != 200) {
            throw new IllegalStateException(M.get("aula.api.failed", "GET users/" + name, reply.statusCode(), reply.body()));
        }
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Hub's REST API with the classroom's own admin token. */
    private HttpResponse<String> api(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hub/api/" + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "token " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.interrupted"));
        }
    }

    static String container(String name) {
        return "capas-aula-" + name;
    }

    private long containerPid(String name) {
        CommandResult pid = jarRun(Duration.ofMinutes(2), "aula", "podman", name, "inspect", "--format", "{{.State.Pid}}", container(name));
        try {
            return Long.parseLong(pid.out().strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(M.get("aula.no.pid", name, lastLine(pid)), e);
        }
    }

    /** Space used on the student's own disk (a loop-mounted file system of its own), or NaN when it is not mounted. */
    private static double diskMb(String name) {
        try {
            FileStore store = Files.getFileStore(DIR.resolve("alumnos").resolve(name));
            if (!store.name().startsWith("/dev/loop")) {
                return Double.NaN;
            }
            return (store.getTotalSpace() - store.getUnallocatedSpace()) / 1024.0 / 1024.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Blocks the student's disk file takes on the host (it is sparse: its size is the quota, not this), or NaN. */
    private static double diskFileMb(String name) {
        CommandResult du = Commands.run(List.of("du", "-s", "-B1", DIR.resolve("discos").resolve(name + ".img").toString()), Map.of(), 120);
        try {
            return du.ok() ? Long.parseLong(du.out().strip().split("\\s+")[0]) / 1024.0 / 1024.0 : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The lab's own jar, as root, on the bench's classroom ({@code aula podman …}, {@code aula parar}…). */
    private CommandResult jarRun(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        argv.addAll(List.of(args));
        return Commands.run(argv, Map.of(capas.Env.AULA_DIR, DIR.toString()), timeout.toSeconds());
    }

    /** A classroom a killed run left behind, removed before a new one. */
    private void removeLeftover() {
        if (Files.isDirectory(DIR)) {
            progress.warn(M.get("aula.leftover", DIR));
            removeAll();
        }
    }

    /** The whole bench classroom goes, by the lab's own order for it ({@code aula borrar}). */
    private void removeAll() {
        CommandResult removed = jarRun(Duration.ofMinutes(10), "aula", "borrar", "--confirmo");
        if (!removed.ok() || Files.exists(DIR)) {
            progress.warn(M.get("aula.clean.failed", DIR, lastLine(removed)));
        } else {
            progress.done(M.get("aula.clean.done", DIR));
        }
    }

    private static String lastLine(CommandResult r) {
        String err = r.err().strip();
        return (err.isEmpty() ? r.out().strip() : err).lines().reduce((a, b) -> b).orElse(String.valueOf(r.exitCode()));
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(AulaBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.no.jar", location));
            }
            return location;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                open.add(socket);
                ports[i] = socket.getLocalPort();
            }
            for (ServerSocket socket : open) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ports;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CapasException(CapasException.Kind.ENVIRONMENT, M.get("aula.interrupted"));
        }
    }

    static double memAvailableMb() {
        try {
            return parseMemAvailableKb(Files.readString(Path.of("/proc/meminfo"))) / 1024.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** {@code MemAvailable} of a {@code /proc/meminfo}, in kB (NaN without it). */
    static double parseMemAvailableKb(String meminfo) {
        return meminfo.lines().filter(l -> l.startsWith("MemAvailable:")).mapToDouble(l -> Double.parseDouble(l.replaceAll("\\D", "")))
                .findFirst().orElse(Double.NaN);
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The first line of {@code /proc/stat}: busy and total jiffies of all processors. */
    private static long[] procStat() {
        try {
            return parseProcStat(Files.readString(Path.of("/proc/stat")));
        } catch (IOException e) {
            return null;
        }
    }

    /** Busy (everything but idle and iowait) and total jiffies from a {@code /proc/stat}'s {@code cpu} line. */
    static long[] parseProcStat(String stat) {
        String[] f = stat.lines().findFirst().orElse("").trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    static double busyShare(long[] before, long[] after) {
        if (before == null || after == null || after[1] <= before[1]) {
            return Double.NaN;
        }
        return (double) (after[0] - before[0]) / (after[1] - before[1]);
    }

    /**
     * A student container's cgroups (v1 here; the container's first process's {@code /proc/<pid>/cgroup}):
     * its memory and CPU accounting. The containers the student starts inside run in the same
     * cgroup (cgroups are disabled for the inner podman), so they count as the student's.
     */
    record Cgroup(Path memory, Path cpuacct) {
        static Cgroup of(long pid) {
            try {
                return parse(Files.readString(Path.of("/proc/" + pid + "/cgroup")), CGROUP);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** From a {@code /proc/<pid>/cgroup} (v1 lines {@code id:controllers:path}) and where the hierarchies are mounted. */
        static Cgroup parse(String procCgroup, Path root) {
            Path memory = null;
            Path cpuacct = null;
            for (String line : procCgroup.lines().toList()) {
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                List<String> controllers = List.of(f[1].split(","));
                String path = f[2].startsWith("/") ? f[2].substring(1) : f[2];
                if (controllers.contains("memory")) {
                    memory = root.resolve("memory").resolve(path);
                }
                if (controllers.contains("cpuacct")) {
                    cpuacct = root.resolve(f[1]).resolve(path);
                }
            }
            if (memory == null) {
                throw new IllegalStateException(M.get("aula.no.cgroup", procCgroup.strip()));
            }
            return new Cgroup(memory, cpuacct);
        }

        void resetPeak() {
            try {
                Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "0");
            } catch (IOException e) {
                // the high-water mark then covers the server's start too: still an upper bound
            }
        }

        double peakMb() {
            return number(memory.resolve("memory.max_usage_in_bytes")) / 1024 / 1024;
        }

        /** Usage without the inactive file cache, as {@code podman stats} counts it. */
        double workingSetMb() {
            try {
                return workingSet(number(memory.resolve("memory.usage_in_bytes")), Files.readString(memory.resolve("memory.stat"))) / 1024 / 1024;
            } catch (IOException e) {
                return Double.NaN;
            }
        }

        static double workingSet(double usage, String memoryStat) {
            double inactive = memoryStat.lines().filter(l -> l.startsWith("total_inactive_file ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                    .findFirst().orElse(0);
            return Math.max(0, usage - inactive);
        }

        long cpuNanos() {
            return cpuacct == null ? -1 : (long) number(cpuacct.resolve("cpuacct.usage"));
        }

        private static double number(Path file) {
            try {
                return Double.parseDouble(Files.readString(file).strip());
            } catch (IOException | NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /** Every second: each container's working set (its highest kept) and the machine's load average. */
    private static final class Sampler {
        private final Map<String, Cgroup> groups;
        private final Map<String, Double> max = new ConcurrentHashMap<>();
        private volatile double loadMax = Double.NaN;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "capas-bench-aula-muestras");
            t.setDaemon(true);
            return t;
        });

        Sampler(Map<String, Cgroup> groups) {
            this.groups = groups;
            timer.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        private void sample() {
            groups.forEach((name, group) -> {
                double ws = group.workingSetMb();
                if (!Double.isNaN(ws)) {
                    max.merge(name, ws, Math::max);
                }
            });
            double load = loadAverage();
            if (!Double.isNaN(load) && (Double.isNaN(loadMax) || load > loadMax)) {
                loadMax = load;
            }
        }

        void stop() {
            timer.shutdownNow();
            sample();
        }

        double maxWorkingSetMb(String name) {
            return max.getOrDefault(name, Double.NaN);
        }

        double loadMax() {
            return loadMax;
        }
    }
}
