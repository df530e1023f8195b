package capas.aula;

import static capas.aula.EscapeAttempt.asAlumno;
import static capas.aula.EscapeAttempt.asRoot;

import capas.os.CommandResult;
import capas.os.Commands;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a student might try from their terminal to reach another student, the server or the
 * Hub beyond their own account (issue 23, point 5), each with the rule that says it was refused.
 * {@link #tryAll} runs them against two live student containers and reports each result; the
 * classroom's own tests call it too.
 */
public final class EscapeAttempts {
    /** Left in the other student's home and rootful store: seeing it from elsewhere is a breach. */
    static final String MARKER_FILE = ".capas-escape-marca";
    private static final long GIB = 1L << 30;

    private EscapeAttempts() {
    }

    /**
     * What the attempts aim at.
     *
     * @param self           the student who tries (Hub user name)
     * @param other          another student, whose files and server are the target
     * @param selfContainer  the trying student's container on the server
     * @param otherContainer the other student's container
     * @param otherIp        the other's address on the classroom network (the Hub reaches it on 8888)
     * @param gateway        the server as the containers reach it (Hub, proxy and panel listen there)
     * @param otherHostPid   the other container's first process as the server numbers it
     * @param otherLoop      the loop device holding the other's disk, e.g. {@code /dev/loop1}
     * @param hostDisk       the server's own disk, e.g. {@code /dev/vda}
     * @param aulaDir        the classroom's state on the server ({@code CAPAS_AULA_DIR})
     * @param hubPort        the Hub's public port (through the proxy)
     * @param apiPort        the Hub's API port, the one singleuser servers call
     * @param proxyPort      configurable-http-proxy's API port (server loopback only)
     * @param panelPort      the teacher's panel (server loopback only)
     * @param marker         random text planted in the other's files for this run
     * @param podman         the server's podman for a student's container (each student's is on their own disk)
     */
    public record Context(String self, String other, String selfContainer, String otherContainer, String otherIp,
            String gateway, long otherHostPid, String otherLoop, String hostDisk, String aulaDir,
            int hubPort, int apiPort, int proxyPort, int panelPort, String marker, Function<String, List<String>> podman) {

        /**
         * Looks both students' containers up on the server, each through {@code podman}: the argv
         * (with its {@code sudo -n}) that reaches a student's own store.
         */
        public static Context discover(String self, String other, Function<String, List<String>> podman, int hubPort, int apiPort,
                int proxyPort, int panelPort) {
            String selfContainer = "capas-aula-" + self;
            String otherContainer = "capas-aula-" + other;
            String[] me = inspect(podman.apply(self), selfContainer);
            String[] them = inspect(podman.apply(other), otherContainer);
            Path otherHome = Path.of(them[4]);
            String otherMount = otherHome.getParent().toString();
            String aulaDir = otherHome.getParent().getParent().getParent().toString();
            String loop = host("findmnt", "-n", "-o", "SOURCE", "--mountpoint", otherMount).out().strip();
            String disk = Commands.run(List.of("findmnt", "-n", "-o", "SOURCE", "/"), Map.of(), 30).out().strip();
            byte[] random = new byte[8];
            new SecureRandom().nextBytes(random);
            return new Context(me[0], them[0], selfContainer, otherContainer, them[2], me[3], Long.parseLong(them[1]),
                    loop, disk, aulaDir, hubPort, apiPort, proxyPort, panelPort, "capas-" + HexFormat.of().formatHex(random), podman);
        }

        /** The server's podman, on the trying student's store. */
        CommandResult selfPodman(String... args) {
            List<String> argv = new ArrayList<>(podman.apply(self));
            argv.addAll(List.of(args));
            return Commands.run(argv, Map.of(), 60);
        }

        private static String[] inspect(List<String> podman, String container) {
            List<String> argv = new ArrayList<>(podman);
            argv.addAll(List.of("container", "inspect", "--format",
                    "{{index .Config.Labels \"capas.aula\"}}|{{.State.Pid}}"
                            + "|{{range .NetworkSettings.Networks}}{{.IPAddress}}|{{.Gateway}}{{end}}"
                            + "|{{range .Mounts}}{{if eq .Destination \"/home/alumno\"}}{{.Source}}{{end}}{{end}}",
                    container));
            CommandResult r = Commands.run(argv, Map.of(), 60);
            String[] fields = r.out().strip().split("\\|", -1);
            if (!r.ok() || fields.length != 5) {
                throw new IllegalStateException("podman inspect " + container + ": " + r);
            }
            return fields;
        }

        String hub() {
            return "http://" + gateway + ":" + hubPort;
        }

        String api() {
            return "http://" + gateway + ":" + apiPort + "/hub/api";
        }

        String otherServer() {
            return "http://" + otherIp + ":8888/user/" + other;
        }
    }

    /**
     * One attempt as it went.
     *
     * @param refused  the command's result looked refused and nothing showed outside
     * @param evidence what shows it: the breach seen outside, or the command's own words
     */
    public record Outcome(EscapeAttempt attempt, CommandResult result, boolean refused, String evidence) {
    }

    /** Runs every attempt of {@link #all} from {@code ctx.self()}'s container, each cleaned up after. */
    public static List<Outcome> tryAll(StudentShell shell, Context ctx) {
        return tryAll(shell, ctx, all(ctx));
    }

    public static List<Outcome> tryAll(StudentShell shell, Context ctx, List<EscapeAttempt> attempts) {
        plant(shell, ctx);
        try {
            List<Outcome> outcomes = new ArrayList<>();
            for (EscapeAttempt attempt : attempts) {
                outcomes.add(attempt(shell, ctx, attempt));
            }
            return outcomes;
        } finally {
            shell.run(ctx.other(), false, "rm -f ~/" + MARKER_FILE);
            shell.run(ctx.other(), true, "rm -f /var/lib/containers/" + MARKER_FILE);
        }
    }

    private static void plant(StudentShell shell, Context ctx) {
        CommandResult home = shell.run(ctx.other(), false, "printf %s " + ctx.marker() + " > ~/" + MARKER_FILE);
        CommandResult store = shell.run(ctx.other(), true, "printf %s " + ctx.marker() + " > /var/lib/containers/" + MARKER_FILE);
        if (!home.ok() || !store.ok()) {
            throw new IllegalStateException("no se pudo dejar la marca en " + ctx.other() + ": " + home + " " + store);
        }
    }

    private static Outcome attempt(StudentShell shell, Context ctx, EscapeAttempt attempt) {
        String before = attempt.hostCheck().map(c -> c.before(ctx)).orElse("");
        try {
            CommandResult result = shell.run(ctx.self(), attempt.asRoot(), attempt.command());
            boolean refused = attempt.refused().test(result);
            Optional<String> breach = attempt.hostCheck().flatMap(c -> c.breach(shell, ctx, before, result));
            String evidence = breach.map(b -> "FUERA: " + b).orElseGet(() -> brief(result));
            return new Outcome(attempt, result, refused && breach.isEmpty(), evidence);
        } finally {
            attempt.cleanup().ifPresent(bash -> shell.run(ctx.self(), attempt.asRoot(), bash));
        }
    }

    static String brief(CommandResult result) {
        String text = result.toString().replaceAll("\\s+", " ").strip();
        return "[" + result.exitCode() + "] " + (text.length() > 150 ? text.substring(0, 150) + "…" : text);
    }

    /** The outcomes as a plain table: id, description, refused, evidence. */
    public static String table(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder(String.format("%-3s | %-70s | %-9s | %s%n", "id", "intento", "rechazado", "evidencia"));
        for (Outcome o : outcomes) {
            out.append(String.format("%-3d | %-70s | %-9s | %s%n", o.attempt().id(), o.attempt().description(),
                    o.refused() ? "sí" : "NO", o.evidence()));
        }
        return out.toString();
    }

    // ---- the attempts

    public static List<EscapeAttempt> all(Context c) {
        String m = MARKER_FILE;
        List<EscapeAttempt> a = new ArrayList<>();
        // Other students' files and disks
        a.add(asRoot(1, "Leer los archivos de otro alumno por su ruta en el servidor",
                t(c, "ls {aula}/alumnos/{otro}; cat {aula}/alumnos/{otro}/home/" + m + " {aula}/alumnos/{otro}/contenedores/" + m),
                hides(c.marker())));
        a.add(asRoot(2, "Leer el estado del aula: cuentas, base de datos y tokens del Hub",
                t(c, "for d in {aula} /var/lib/capas-aula; do ls $d; cat $d/cuentas.json $d/proxy-token $d/capas-token "
                        + "$d/jupyterhub_cookie_secret; head -c 16 $d/jupyterhub.sqlite; done"),
                saysNone("pbkdf2", "SQLite format", "cuentas")));
        a.add(asRoot(3, "Ver el almacén del podman del servidor: su capa del contenedor y sus volúmenes",
                "up=$(grep -o 'upperdir=[^,]*' /proc/self/mounts | head -1 | cut -d= -f2); echo \"capa $up\"; "
                        + "test -e \"$up\" && echo VISIBLE; ls /var/lib/containers/storage/volumes 2>/dev/null | grep capas-aula- && echo VISIBLE; true",
                saysNone("VISIBLE")));
        a.add(asRoot(4, "Leer el disco de otro alumno por su dispositivo loop",
                t(c, "dd if={loop} of=/dev/null bs=4k count=1 && echo LEIDO"), saysNone("LEIDO")));
        a.add(asRoot(5, "Montar el disco de otro alumno",
                t(c, "mkdir -p /tmp/.capas-escape-m && mount -o ro {loop} /tmp/.capas-escape-m && echo MONTADO && cat /tmp/.capas-escape-m/home/" + m),
                saysNone("MONTADO").and(hides(c.marker())))
                .withCleanup("umount /tmp/.capas-escape-m 2>/dev/null; rmdir /tmp/.capas-escape-m 2>/dev/null; true"));
        a.add(asRoot(6, "Leer el disco del servidor", t(c, "dd if={disco} of=/dev/null bs=4k count=1 && echo LEIDO"), saysNone("LEIDO")));
        a.add(asRoot(7, "Montar el disco del servidor",
                t(c, "mkdir -p /tmp/.capas-escape-m && mount -o ro {disco} /tmp/.capas-escape-m && echo MONTADO"), saysNone("MONTADO"))
                .withCleanup("umount /tmp/.capas-escape-m 2>/dev/null; rmdir /tmp/.capas-escape-m 2>/dev/null; true"));
        a.add(asRoot(8, "Ver los procesos de otro alumno en /proc",
                t(c, "for p in /proc/[0-9]*; do tr '\\0' '\\n' < $p/environ 2>/dev/null | grep -qx 'JUPYTERHUB_USER={otro}' && echo \"VISTO $p\"; done; "
                        + "echo procesos=$(ls -d /proc/[0-9]* | wc -l)"),
                saysNone("VISTO")));
        a.add(asRoot(9, "Entrar en la raíz de otro alumno por /proc/<pid en el servidor>/root",
                t(c, "cat /proc/{pid}/root/home/alumno/" + m + "; tr '\\0' '\\n' < /proc/{pid}/environ | grep JUPYTERHUB_USER"),
                hides(c.marker()).and(saysNone("JUPYTERHUB_USER=" + c.other()))));
        a.add(asRoot(40, "Crear un nodo de dispositivo para el disco de otro alumno (mknod)",
                t(c, "minor=$(echo {loop} | tr -dc 0-9); mknod /tmp/.capas-escape-loop b 7 ${minor:-1} && echo CREADO && "
                        + "dd if=/tmp/.capas-escape-loop of=/dev/null count=1 && echo LEIDO"),
                saysNone("CREADO", "LEIDO")).withCleanup("rm -f /tmp/.capas-escape-loop"));
        // Other students' servers and the Hub
        a.add(asAlumno(10, "Servidor de otro alumno sin token",
                http(c, "GET {servidorOtro}/api/contents -"), httpRefused()));
        a.add(asAlumno(11, "Servidor de otro alumno con el token propio: leer, escribir, abrir un terminal",
                http(c, "GET {servidorOtro}/api/contents token",
                        "PUT {servidorOtro}/api/contents/escape.txt token {\"type\":\"file\",\"format\":\"text\",\"content\":\"x\"}",
                        "POST {servidorOtro}/api/terminals token {}",
                        "GET {hub}/user/{otro}/api/contents token"),
                httpRefused()));
        a.add(asAlumno(12, "API del Hub con el token propio: lista de usuarios", http(c, "GET {api}/users token"), httpRefused()));
        a.add(asAlumno(13, "API del Hub con el token propio: datos de otro alumno", http(c, "GET {api}/users/{otro} token"), httpRefused()));
        a.add(asAlumno(14, "API del Hub con el token propio: ver y crear tokens de otro alumno",
                http(c, "GET {api}/users/{otro}/tokens token", "POST {api}/users/{otro}/tokens token {}"), httpRefused()));
        a.add(asAlumno(15, "API del Hub con el token propio: arrancar el servidor de otro alumno",
                http(c, "POST {api}/users/{otro}/server token {}"), httpRefused()));
        a.add(asAlumno(16, "API del Hub sin token", http(c, "GET {api}/users -", "GET {api}/users/{otro} -"), httpRefused()));
        a.add(asAlumno(17, "API del Hub a través del proxy con el token propio",
                http(c, "GET {hub}/hub/api/users token", "GET {hub}/hub/api/users/{otro} token"), httpRefused()));
        a.add(asAlumno(18, "API del proxy (configurable-http-proxy) desde el contenedor",
                http(c, "GET http://{pasarela}:{proxy}/api/routes -", "GET http://{pasarela}:{proxy}/api/routes token"), httpRefused()));
        a.add(asAlumno(19, "Panel del profesor con el token propio (por el Hub y directo)",
                http(c, "GET {hub}/services/panel/ token", "GET http://{pasarela}:{panel}/ token"), httpRefused()));
        // Root inside is not root outside
        a.add(asRoot(20, "sudo: el root del contenedor es root en el servidor",
                "cat /proc/self/uid_map; id -u", EscapeAttempts::mappedAway)
                .withHostCheck((shell, ctx, before, r) -> {
                    CommandResult top = ctx.selfPodman("top", ctx.selfContainer(), "huser");
                    return top.out().lines().skip(1).map(String::strip).anyMatch(u -> u.equals("root") || u.equals("0"))
                            ? Optional.of("procesos del contenedor con el usuario root del servidor: " + top.out().strip())
                            : top.ok() ? Optional.empty() : Optional.of("podman top: " + top);
                }));
        a.add(asRoot(21, "Entrar en los espacios de nombres del pid 1 (nsenter -t 1)",
                t(c, "nsenter -t 1 -m -u -i -n -p -- sh -c 'tr \"\\0\" \" \" < /proc/1/cmdline; echo; ls {aula} /var/lib/capas-aula'"),
                saysNone("cuentas.json", "jupyterhub.sqlite")));
        a.add(asAlumno(22, "unshare: un espacio de usuario nuevo y leer el disco de otro alumno",
                t(c, "unshare -r -m -p -f --mount-proc sh -c 'cat /proc/self/uid_map; dd if={loop} of=/dev/null bs=4k count=1 && echo LEIDO'"),
                saysNone("LEIDO")));
        a.add(asRoot(23, "cgroups v1: release_agent y montar una jerarquía nueva",
                "for d in /sys/fs/cgroup/memory /sys/fs/cgroup; do [ -e $d/release_agent ] && echo /tmp/.capas-escape-agente > $d/release_agent && echo ESCRITO; done; "
                        + "mkdir -p /tmp/.capas-escape-cg; for s in rdma memory pids; do mount -t cgroup -o $s cgroup /tmp/.capas-escape-cg && echo MONTADO && umount /tmp/.capas-escape-cg; done; true",
                saysNone("ESCRITO", "MONTADO")).withCleanup("umount /tmp/.capas-escape-cg 2>/dev/null; rmdir /tmp/.capas-escape-cg 2>/dev/null; true"));
        a.add(asRoot(24, "Subir los límites propios (pids.max, memoria)",
                "cd /sys/fs/cgroup; for f in pids/pids.max pids.max memory.max; do [ -e $f ] && { echo max > $f; echo \"$f=$(cat $f)\"; }; done; "
                        + "f=memory/memory.limit_in_bytes; [ -e $f ] && { echo -1 > $f; echo \"$f=$(cat $f)\"; }; true",
                r -> r.out().lines().noneMatch(l -> l.endsWith("=max") || l.endsWith("=9223372036854771712"))));
        a.add(asRoot(25, "El podman del servidor: sus sockets y --remote",
                t(c, "ls -l /run/podman/podman.sock /var/run/docker.sock 2>&1; podman --remote --url unix:///run/podman/podman.sock ps; "
                        + "podman --remote --url tcp://{pasarela}:8080 ps; true"),
                saysNone("CONTAINER ID")));
        a.add(asRoot(26, "Ver los contenedores del servidor (podman ps como root y como alumno)",
                "podman ps -a --format '{{.Names}}'; runuser -u alumno -- podman ps -a --format '{{.Names}}'; true",
                saysNone("capas-aula-")));
        // The kernel
        a.add(asRoot(27, "Cargar un módulo del núcleo (finit_module, init_module)",
                "python3 - <<'PY'\nimport ctypes, os\nlibc = ctypes.CDLL(None, use_errno=True)\nfd = os.open('/dev/null', os.O_RDONLY)\n"
                        + "for name, nr, args in (('finit_module', 313, (fd, b'', 0)), ('init_module', 175, (None, 0, b''))):\n"
                        + "    r = libc.syscall(nr, *args)\n    e = ctypes.get_errno()\n    print(name, 'CARGADO' if r == 0 else '%s (%d)' % (os.strerror(e), e))\nPY",
                r -> r.out().contains("finit_module") && r.out().lines().allMatch(l -> l.endsWith("(1)") || l.endsWith("(38)"))));
        a.add(asRoot(28, "Cargar un módulo con insmod o modprobe",
                "busybox insmod /dev/null && echo CARGADO; modprobe dummy && echo CARGADO; busybox modprobe dummy && echo CARGADO; true",
                saysNone("CARGADO")));
        a.add(asRoot(29, "Escribir kernel.core_pattern (un programa del servidor para cada core)",
                "cat /proc/sys/kernel/core_pattern > /proc/sys/kernel/core_pattern && echo ESCRITO; "
                        + "echo '|/tmp/.capas-escape-core' > /proc/sys/kernel/core_pattern && echo ESCRITO; true",
                saysNone("ESCRITO"))
                .withHostCheck((shell, ctx, before, r) -> {
                    String pattern = Commands.run(List.of("cat", "/proc/sys/kernel/core_pattern"), Map.of(), 30).out();
                    return pattern.contains("capas-escape") ? Optional.of("core_pattern del servidor: " + pattern.strip()) : Optional.empty();
                }));
        a.add(asRoot(30, "Escribir en /proc/sys del servidor (vm.drop_caches, vm.swappiness)",
                "echo 1 > /proc/sys/vm/drop_caches && echo ESCRITO; sysctl -w vm.swappiness=$(cat /proc/sys/vm/swappiness) && echo ESCRITO; true",
                saysNone("ESCRITO")));
        a.add(asRoot(31, "Escribir en /sys del servidor (ksm/run, transparent_hugepage)",
                "cat /sys/kernel/mm/ksm/run > /sys/kernel/mm/ksm/run && echo ESCRITO; "
                        + "f=/sys/kernel/mm/transparent_hugepage/defrag; [ -e $f ] && grep -o '\\[[a-z+]*\\]' $f | tr -d '[]' > $f && echo ESCRITO; true",
                saysNone("ESCRITO")));
        a.add(asRoot(32, "sysctl kernel.hostname: el nombre del servidor",
                t(c, "sysctl -w kernel.hostname=escape-{marca}; hostname; true"), r -> true)
                .withHostCheck((shell, ctx, before, r) -> {
                    String name = Commands.run(List.of("hostname"), Map.of(), 30).out();
                    return name.contains("escape-") ? Optional.of("nombre del servidor: " + name.strip()) : Optional.empty();
                })
                .withCleanup(t(c, "hostname {contenedor} 2>/dev/null; true")));
        a.add(asRoot(42, "sysctl kernel.pid_max (por espacio de pids desde Linux 6.14): el del servidor no cambia",
                "cat /proc/sys/kernel/pid_max > /run/.capas-escape-pidmax; sysctl -w kernel.pid_max=32768; true", r -> true)
                .withHostCheck(new EscapeAttempt.HostCheck() {
                    @Override
                    public String before(Context ctx) {
                        return hostPidMax();
                    }

                    @Override
                    public Optional<String> breach(StudentShell shell, Context ctx, String before, CommandResult r) {
                        String after = hostPidMax();
                        return after.equals(before) ? Optional.empty() : Optional.of("kernel.pid_max del servidor: " + before + " → " + after);
                    }
                })
                .withCleanup("[ -s /run/.capas-escape-pidmax ] && sysctl -q -w kernel.pid_max=$(cat /run/.capas-escape-pidmax); rm -f /run/.capas-escape-pidmax; true"));
        a.add(asRoot(33, "Leer y escribir /dev/kmsg (el registro del núcleo del servidor)",
                "timeout 5 head -c 200 /dev/kmsg && echo LEIDO; echo capas-escape > /dev/kmsg && echo ESCRITO; dmesg > /dev/null && echo LEIDO; true",
                saysNone("LEIDO", "ESCRITO")));
        a.add(asRoot(41, "Abrir /dev/kvm", "python3 -c \"open('/dev/kvm', 'rb')\" && echo ABIERTO; true", saysNone("ABIERTO")));
        // Limits: processes and disk
        a.add(asAlumno(34, "Bomba de procesos: crear procesos sin límite (el otro alumno sigue respondiendo)",
                forkBomb(c), EscapeAttempts::boundedForks)
                .withHostCheck((shell, ctx, before, r) -> {
                    CommandResult alive = shell.run(ctx.other(), false, "echo vivo");
                    return alive.out().contains("vivo") ? Optional.empty() : Optional.of("el otro alumno no responde: " + brief(alive));
                }));
        a.add(asAlumno(35, "Llenar el disco: un archivo mayor que el disco propio, y luego llenarlo entero",
                "f=~/.capas-escape-relleno; size=$(df --output=size -B1 ~ | tail -1); "
                        + "fallocate -l $((size + 1073741824)) $f && echo CABE; "
                        // ext4 keeps what a failed fallocate got: the disk may be full already.
                        + "avail=$(df --output=avail -B1 ~ | tail -1); [ $avail -gt 16777216 ] && fallocate -l $((avail - 16777216)) $f; "
                        + "dd if=/dev/zero of=~/.capas-escape-relleno2 bs=1M count=64 2>&1 | grep -E 'No space|copied'; rm -f ~/.capas-escape-relleno2; "
                        + "echo libre=$(df --output=avail -B1 ~ | tail -1 | tr -d ' ')",
                r -> !r.toString().contains("CABE") && r.toString().split("No space left", -1).length >= 3)
                .withHostCheck(new EscapeAttempt.HostCheck() {
                    @Override
                    public String before(Context ctx) {
                        return hostFree();
                    }

                    @Override
                    public Optional<String> breach(StudentShell shell, Context ctx, String before, CommandResult r) {
                        long lost = Long.parseLong(before) - Long.parseLong(hostFree());
                        if (lost > GIB) {
                            return Optional.of("el disco del servidor perdió " + lost / (1 << 20) + " MiB");
                        }
                        CommandResult write = shell.run(ctx.other(), false,
                                "echo escrito > ~/.capas-escape-otro && cat ~/.capas-escape-otro; rm -f ~/.capas-escape-otro");
                        return write.out().contains("escrito") ? Optional.empty() : Optional.of("el otro alumno no puede escribir: " + brief(write));
                    }
                })
                .withCleanup("rm -f ~/.capas-escape-relleno ~/.capas-escape-relleno2"));
        a.add(asAlumno(36, "Llenar /tmp (tmpfs de 1g, cuenta en la memoria propia)",
                "fallocate -l 2G /tmp/.capas-escape-relleno && echo CABE; rm -f /tmp/.capas-escape-relleno; "
                        + "dd if=/dev/zero of=/tmp/.capas-escape-relleno bs=1M count=1200 2>&1 | tail -1",
                r -> !r.toString().contains("CABE") && r.toString().contains("No space left"))
                .withCleanup("rm -f /tmp/.capas-escape-relleno"));
        a.add(asAlumno(43, "Bomba de memoria: reservar el doble del límite (el otro alumno sigue respondiendo)",
                "python3 - <<'PY'\nheld = []\nfor _ in range(24):\n    held.append(b'x' * (256 << 20))\nprint('SIN LIMITE', 24 * 256, 'MiB')\nPY\n"
                        + "echo salida=$?; pgrep -f jupyterhub-singleuser > /dev/null && echo servidor-propio-vivo; true",
                r -> !r.out().contains("SIN LIMITE") && (r.out().contains("salida=137") || r.toString().contains("MemoryError")))
                .withHostCheck((shell, ctx, before, r) -> {
                    CommandResult alive = shell.run(ctx.other(), false, "echo vivo");
                    return alive.out().contains("vivo") ? Optional.empty() : Optional.of("el otro alumno no responde: " + brief(alive));
                }));
        a.add(asAlumno(37, "Escribir en la imagen (raíz de solo lectura): touch, sudo touch, remount,rw",
                "touch /etc/.capas-escape && echo ESCRITO; sudo touch /usr/.capas-escape && echo ESCRITO; "
                        + "sudo mount -o remount,rw / && echo REMONTADO; true",
                saysNone("ESCRITO", "REMONTADO"))
                .withCleanup("sudo rm -f /etc/.capas-escape /usr/.capas-escape 2>/dev/null; true"));
        // The student's root may lift its own read-only root (crun makes the mounts inside the student's user namespace, so
        // they are not locked): what it then writes must land on the student's own disk, never on the server's.
        a.add(asRoot(38, "Quitar el solo lectura de la raíz (remount,bind,rw) y escribir: cae en el disco del alumno, no en el del servidor",
                t(c, "mount -o remount,bind,rw / && echo REMONTADO && touch /usr/.capas-escape-{marca} && echo ESCRITO; true"),
                r -> true)
                .withHostCheck((shell, ctx, before, r) -> outsideOwnDisk(ctx,
                        ctx.selfPodman("container", "inspect", "--format", "{{.GraphDriver.Data.UpperDir}}", ctx.selfContainer()).out().strip()
                                + "/usr/.capas-escape-" + ctx.marker()))
                .withCleanup(t(c, "rm -f /usr/.capas-escape-{marca}; mount -o remount,bind,ro /; true")));
        a.add(asRoot(39, "Quitar el solo lectura de /etc/hosts (remount,bind,rw) y escribir: cae en el disco del alumno, no en el del servidor",
                t(c, "cp /etc/hosts /run/.capas-escape-hosts; mount -o remount,bind,rw /etc/hosts && echo REMONTADO && "
                        + "echo '# {marca}' >> /etc/hosts && echo ESCRITO; true"),
                r -> true)
                .withHostCheck((shell, ctx, before, r) -> outsideOwnDisk(ctx,
                        ctx.selfPodman("container", "inspect", "--format", "{{.HostsPath}}", ctx.selfContainer()).out().strip()))
                .withCleanup("if [ -s /run/.capas-escape-hosts ]; then mount -o remount,bind,rw /etc/hosts 2>/dev/null; "
                        + "cat /run/.capas-escape-hosts > /etc/hosts; fi; rm -f /run/.capas-escape-hosts; mount -o remount,bind,ro /etc/hosts; true"));
        return a;
    }

    // ---- pieces of the attempts

    /** A breach when {@code file}, written from inside, is on the server but not on the student's own disk. */
    static Optional<String> outsideOwnDisk(Context ctx, String file) {
        String own = ctx.aulaDir() + "/alumnos/" + ctx.self() + "/";
        if (file.isEmpty() || !host("test", "-e", file).ok()) {
            return Optional.empty();
        }
        // podman mounts folders of the store over themselves: what counts is the device the file is on.
        // (A bind of a folder of the disk reads /dev/loop1[/podman/overlay]: the device is what comes before the bracket.)
        String device = host("findmnt", "-n", "-o", "SOURCE", "--target", file).out().strip().replaceAll("\\[.*", "");
        String ownDevice = host("findmnt", "-n", "-o", "SOURCE", "--mountpoint", own).out().strip();
        return !ownDevice.isEmpty() && device.equals(ownDevice) ? Optional.empty()
                : Optional.of("escrito fuera del disco del alumno: " + file + " (en " + device + ")");
    }

    /** {@code {name}} placeholders filled from the context. */
    static String t(Context c, String template) {
        return template.replace("{aula}", c.aulaDir()).replace("{otro}", c.other()).replace("{loop}", c.otherLoop())
                .replace("{disco}", c.hostDisk()).replace("{pid}", Long.toString(c.otherHostPid()))
                .replace("{servidorOtro}", c.otherServer()).replace("{hub}", c.hub()).replace("{api}", c.api())
                .replace("{pasarela}", c.gateway()).replace("{proxy}", Integer.toString(c.proxyPort()))
                .replace("{panel}", Integer.toString(c.panelPort())).replace("{marca}", c.marker())
                .replace("{contenedor}", c.selfContainer());
    }

    /**
     * HTTP requests from the student's container, each {@code METHOD URL token|- [json body]}
     * ({@code token}: the student's own Hub token, which every terminal has in its environment).
     * Prints {@code estado <code>} or {@code rechazada} (connection refused) per request; never
     * follows a redirect (a redirect to the login page is a refusal).
     */
    static String http(Context c, String... requests) {
        StringBuilder bash = new StringBuilder("""
                http() { python3 - "$@" <<'PY'
                import os, sys, urllib.request, urllib.error
                method, url, auth = sys.argv[1:4]
                body = sys.argv[4].encode() if len(sys.argv) > 4 else None
                class Stay(urllib.request.HTTPRedirectHandler):
                    def redirect_request(self, *args):
                        return None
                req = urllib.request.Request(url, method=method, data=body, headers={"Content-Type": "application/json"})
                if auth == "token":
                    req.add_header("Authorization", "token " + os.environ["JUPYTERHUB_API_TOKEN"])
                try:
                    with urllib.request.build_opener(Stay).open(req, timeout=20) as r:
                        print("estado", r.status, method, url)
                except urllib.error.HTTPError as e:
                    print("estado", e.code, method, url)
                except urllib.error.URLError as e:
                    if isinstance(e.reason, ConnectionRefusedError):
                        print("rechazada", method, url)
                    else:
                        print("error", e.reason, method, url)
                PY
                }
                """);
        for (String request : requests) {
            String[] parts = t(c, request).split(" ", 4);
            bash.append("http");
            for (String part : parts) {
                bash.append(" '").append(part.replace("'", "'\\''")).append("'");
            }
            bash.append('\n');
        }
        return bash.toString();
    }

    private static final Pattern STATUS = Pattern.compile("^estado (\\d+) ");

    /** Every request got a refusal: 401, 403, 404, a redirect (to the login page) or no connection. */
    static Predicate<CommandResult> httpRefused() {
        return r -> {
            List<String> lines = r.out().lines().filter(l -> l.startsWith("estado") || l.startsWith("rechazada") || l.startsWith("error")).toList();
            return !lines.isEmpty() && lines.stream().allMatch(l -> {
                Matcher s = STATUS.matcher(l);
                return l.startsWith("rechazada") || s.find() && List.of("301", "302", "303", "401", "403", "404").contains(s.group(1));
            });
        };
    }

    static Predicate<CommandResult> saysNone(String... words) {
        return r -> {
            String all = r.out();
            for (String word : words) {
                if (all.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    static Predicate<CommandResult> hides(String secret) {
        return r -> !r.out().contains(secret) && !r.err().contains(secret);
    }

    /** Root inside maps to a host uid other than 0 ({@code 0 <base> <size>}). */
    static boolean mappedAway(CommandResult r) {
        return r.out().lines().map(String::strip).map(l -> l.split("\\s+")).filter(f -> f.length == 3 && f[0].equals("0"))
                .findFirst().map(f -> !f[1].equals("0")).orElse(false);
    }

    /**
     * Forks until the kernel says no (or a minute, or 20000), then, with all of them still alive,
     * asks the other student's server whether it answers; then kills and reaps every child by its
     * pid. The children exec {@code sleep}, so that a lost parent still leaves nothing for long.
     */
    static String forkBomb(Context c) {
        return t(c, """
                python3 - '{servidorOtro}/api' <<'PY'
                import os, signal, sys, time, urllib.request, urllib.error
                deadline = time.monotonic() + 60
                kids, stop = [], "plazo"
                while time.monotonic() < deadline and len(kids) < 20000:
                    try:
                        pid = os.fork()
                    except OSError as e:
                        stop = e.strerror
                        break
                    if pid == 0:
                        try:
                            os.execv("/bin/sleep", ["sleep", "120"])
                        finally:
                            os._exit(127)
                    kids.append(pid)
                try:
                    with urllib.request.urlopen(sys.argv[1], timeout=20) as r:
                        other = r.status
                except urllib.error.HTTPError as e:
                    other = e.code
                except Exception as e:
                    other = type(e).__name__
                for pid in kids:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                for pid in kids:
                    os.waitpid(pid, 0)
                print(f"procesos={len(kids)} parada={stop} otro={other}")
                PY
                """);
    }

    private static final Pattern FORKS = Pattern.compile("procesos=(\\d+) parada=(.*) otro=(\\d+)");

    static boolean boundedForks(CommandResult r) {
        Matcher m = FORKS.matcher(r.out());
        return m.find() && m.group(2).contains("Resource temporarily unavailable") && Integer.parseInt(m.group(1)) < 20000;
    }

    // ---- the server's side

    static CommandResult host(String... argv) {
        List<String> sudo = new ArrayList<>(List.of("sudo", "-n"));
        sudo.addAll(List.of(argv));
        return Commands.run(sudo, Map.of(), 60);
    }

    static String hostFree() {
        return Commands.run(List.of("df", "--output=avail", "-B1", "/"), Map.of(), 30).out().strip().lines()
                .reduce((first, second) -> second).orElseThrow().strip();
    }

    static String hostPidMax() {
        return Commands.run(List.of("cat", "/proc/sys/kernel/pid_max"), Map.of(), 30).out().strip();
    }
}
