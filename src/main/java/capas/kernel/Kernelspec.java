package capas.kernel;

import capas.CapasException;
import capas.Messages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar capas.jar kernelspec <kernels-dir>}: installs the kernel as
 * {@code <kernels-dir>/capas}, with its own copy of the jar and its libraries, so that cleaning
 * or moving the checkout does not break the installed kernel. Running it again replaces the
 * copy.
 */
public final class Kernelspec {
    private static final Messages MESSAGES = Messages.of(Kernelspec.class);
    static final String DIRECTORY = "capas";
    static final String JAR = "capas.jar";
    static final String LIB = "lib";
    static final String ARCHIVE = "capas.jsa";
    /**
     * Fast startup matters more than peak speed: cells are short and javac runs fine on C1.
     * {@code -Xms32m}: without it the heap starts at 1/64 of the machine's memory (384 MB on 24 GiB),
     * never shrinks below that, and a lesson's cells touch all of it: a kernel ended lesson 04 at
     * 373 MB, with it at 270–280 MB, no slower (a class of 30 kernels shares one server).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xshare:auto", "-Dfile.encoding=UTF-8");

    private Kernelspec() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, MESSAGES.get("kernelspec.usage"));
        }
        Path installed = install(Path.of(args[0]));
        System.out.println(MESSAGES.get("kernelspec.installed", installed));
    }

    /** Installs (or reinstalls) the kernel under {@code kernelsDir}; returns its folder. */
    public static Path install(Path kernelsDir) {
        try {
            Path jar = runningJar();
            Path target = kernelsDir.toAbsolutePath().resolve(DIRECTORY);
            Files.createDirectories(target.resolve(LIB));
            copyJars(jar, target);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> argv = new ArrayList<>();
            argv.add(java.toString());
            argv.addAll(JVM_OPTIONS);
            Path archive = target.resolve(ARCHIVE);
            if (AppCds.create(java, target.resolve(JAR), archive)) {
                argv.add("-XX:SharedArchiveFile=" + archive);
            }
            argv.addAll(List.of("-jar", target.resolve(JAR).toString(), "kernel", "{connection_file}"));
            writeKernelJson(target.resolve("kernel.json"), argv);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(Kernelspec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new CapasException(CapasException.Kind.ENVIRONMENT, MESSAGES.get("kernelspec.nojar"));
            }
            return location;
        } catch (URISyntaxException e) {
            throw new CapasException(CapasException.Kind.ENVIRONMENT, MESSAGES.get("kernelspec.nojar"), null, e);
        }
    }

    private static void copyJars(Path jar, Path target) throws IOException {
        Path sourceLib = jar.resolveSibling(LIB);
        Path targetLib = target.resolve(LIB);
        if (jar.equals(target.resolve(JAR))) {
            return;
        }
        Files.copy(jar, target.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
        // Old versions of a library would stay on the class path through the manifest otherwise.
        try (Stream<Path> old = Files.list(targetLib)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        if (Files.isDirectory(sourceLib)) {
            try (Stream<Path> libs = Files.list(sourceLib)) {
                for (Path lib : libs.toList()) {
                    Files.copy(lib, targetLib.resolve(lib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void writeKernelJson(Path file, List<String> argv) throws IOException {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", "Java (Capas)");
        spec.put("language", "java");
        // jjava handles interrupt_request on the control channel: the JVM need not trap SIGINT.
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), spec);
    }
}
