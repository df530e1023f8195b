package capas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import capas.store.ReachingUp;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies point one way, down {@link #ALLOWED}, and never back: a class that
 * reaches up (the store drawing HTML, the kernel knowing the prácticas) fails here, with the
 * class and the edge named. The rules read the compiled classes, not the sources, so a wildcard
 * import, a fully qualified name or a type that is only inferred counts like a named import.
 */
class ArchitectureTest {
    /** Package → the packages it may use. Everything may use the JDK, and its own package. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("capas", Set.of()),
            Map.entry("capas.os", Set.of("capas")),
            Map.entry("capas.store", Set.of("capas", "capas.os")),
            Map.entry("capas.podman", Set.of("capas", "capas.os", "capas.store")),
            Map.entry("capas.context", Set.of("capas", "capas.os", "capas.store")),
            Map.entry("capas.render", Set.of("capas")),
            Map.entry("capas.kernel", Set.of("capas", "capas.os", "capas.render")),
            Map.entry("capas.lab", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render")),
            Map.entry("capas.doctor", Set.of("capas", "capas.os", "capas.podman", "capas.render")),
            Map.entry("capas.progress", Set.of("capas")),
            Map.entry("capas.practica", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab", "capas.progress")),
            Map.entry("capas.practica.catalog", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context",
                    "capas.render", "capas.lab", "capas.practica")),
            Map.entry("capas.leccion", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab", "capas.progress")),
            Map.entry("capas.leccion.catalog", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context",
                    "capas.render", "capas.lab", "capas.leccion")),
            Map.entry("capas.aula", Set.of("capas", "capas.os", "capas.progress", "capas.render")),
            Map.entry("capas.aula.servidor", Set.of("capas", "capas.os")),
            Map.entry("capas.bench", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab")),
            Map.entry("capas.cli", Set.of("capas", "capas.os", "capas.store", "capas.podman", "capas.context", "capas.render",
                    "capas.lab", "capas.doctor", "capas.practica", "capas.kernel", "capas.bench", "capas.leccion",
                    "capas.progress", "capas.aula", "capas.aula.servidor")));
    /**
     * The packages that read or write JSON with Jackson: on-disk files (store), podman's answers,
     * the probe's lines (context, cli), notebook metadata (practica), reports (bench, doctor) and
     * the kernelspec (kernel), the progress record (progress), a container's config.json (leccion.catalog), the classroom's accounts and volumes (aula). The renderer and the OS layer hand over typed values. The facade
     * (capas.lab) is here only because Capas.containerPid walks the JsonNode that Podman.inspect
     * returns: take it out once podman answers that with a typed result.
     */
    private static final String[] JACKSON_USERS = {"capas.store", "capas.podman", "capas.context", "capas.kernel",
            "capas.doctor", "capas.practica", "capas.practica.catalog", "capas.bench", "capas.cli", "capas.lab", "capas.progress", "capas.leccion.catalog", "capas.aula", "capas.aula.servidor"};

    private static final ArchRule ONE_WAY = classes().should(useOnlyTheCapasPackagesTheyAreAllowed())
            .because("dependencies point down ArchitectureTest.ALLOWED, never back");
    private static final ArchRule EVERY_PACKAGE_PLACED = classes().should()
            .resideInAnyPackage(ALLOWED.keySet().toArray(String[]::new))
            .because("a new package needs its line in ArchitectureTest.ALLOWED");
    /** jjava speaks the Jupyter protocol with Gson over ZeroMQ (jeromq: org.zeromq, zmq), around JShell. */
    private static final ArchRule KERNEL_PROTOCOL_IN_KERNEL = noClasses().that().resideOutsideOfPackage("capas.kernel")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.dflib.jjava..", "jdk.jshell..", "com.google.gson..", "org.zeromq..", "zmq..")
            .because("the library works from plain JShell or Java, without Jupyter");
    /** ASM rewrites snippet classes so that Stop ends them (SnippetPolls): no other code rewrites bytecode. */
    private static final ArchRule BYTECODE_IN_KERNEL = noClasses().that().resideOutsideOfPackage("capas.kernel")
            .should().dependOnClassesThat().resideInAPackage("org.objectweb.asm..")
            .because("only the kernel rewrites the classes JShell loads");
    private static final ArchRule NATIVE_CALLS_IN_OS = noClasses().that().resideOutsideOfPackage("capas.os")
            .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
            .because("the calls the JDK lacks are made once, in capas.os");
    private static final ArchRule JACKSON_WHERE_JSON_IS_READ = noClasses().that().resideOutsideOfPackages(JACKSON_USERS)
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("only the packages in ArchitectureTest.JACKSON_USERS read or write JSON");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("capas");

    @Test
    void dependenciesPointOneWay() {
        ONE_WAY.check(MAIN);
    }

    @Test
    void everyPackageHasAPlaceInTheArchitecture() {
        EVERY_PACKAGE_PLACED.check(MAIN);
    }

    @Test
    void onlyTheKernelSeesTheKernelProtocol() {
        KERNEL_PROTOCOL_IN_KERNEL.check(MAIN);
    }

    @Test
    void onlyTheKernelRewritesBytecode() {
        BYTECODE_IN_KERNEL.check(MAIN);
    }

    @Test
    void onlyTheOsPackageCallsNativeCode() {
        NATIVE_CALLS_IN_OS.check(MAIN);
    }

    @Test
    void onlyThePackagesThatReadJsonSeeJackson() {
        JACKSON_WHERE_JSON_IS_READ.check(MAIN);
    }

    @Test
    void theRulesCatchAWildcardImportUpwards() {
        // ReachingUp (test sources) is a store class that imports capas.lab.* and com.sun.jna.*:
        // no "capas.lab.Capas" in its text, yet both edges are in its bytecode.
        JavaClasses breach = new ClassFileImporter().importClasses(ReachingUp.class);

        assertThat(ONE_WAY.evaluate(breach).getFailureReport().getDetails()).singleElement().asString()
                .contains("<capas.store.ReachingUp.lab>", "<capas.lab.Capas>", "capas.store -> capas.lab");
        assertThat(NATIVE_CALLS_IN_OS.evaluate(breach).getFailureReport().getDetails()).singleElement().asString()
                .contains("<capas.store.ReachingUp.pointer>", "<com.sun.jna.Pointer>");
    }

    private static ArchCondition<JavaClass> useOnlyTheCapasPackagesTheyAreAllowed() {
        return new ArchCondition<>("use only the Capas packages ArchitectureTest.ALLOWED gives their own") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String from = type.getPackageName();
                Set<String> allowed = ALLOWED.getOrDefault(from, Set.of());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String to = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    if (isCapas(to) && !to.equals(from) && !allowed.contains(to)) {
                        events.add(SimpleConditionEvent.violated(dependency,
                                dependency.getDescription() + ": " + from + " -> " + to));
                    }
                }
            }
        };
    }

    private static boolean isCapas(String packageName) {
        return packageName.equals("capas") || packageName.startsWith("capas.");
    }
}
