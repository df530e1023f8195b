package capas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdksTest {
    private static final String FULL = "java.base java.compiler jdk.compiler jdk.jshell";

    @TempDir
    Path jvm;

    @Test
    void findsEachJdkWithJshellOnceOldestFirstHoweverManyLinksNameIt() throws IOException {
        Path temurin = jdk("temurin-25-jdk-amd64", "25.0.3", FULL);
        Path debian = jdk("java-17-openjdk-amd64", "17.0.15", FULL);
        Files.createSymbolicLink(jvm.resolve("java-1.17.0-openjdk-amd64"), debian);

        assertThat(Jdks.find(jvm, debian)).extracting(Jdks.Jdk::feature, Jdks.Jdk::home)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(17, debian.toRealPath()),
                        org.assertj.core.groups.Tuple.tuple(25, temurin.toRealPath()));
    }

    @Test
    void leavesOutRuntimesWithoutJshellJavaOlderThan17AndFoldersThatAreNoJdk() throws IOException {
        jdk("java-21-jre", "21.0.2", "java.base java.logging");
        jdk("java-11-openjdk", "11.0.20", FULL);
        Files.createDirectories(jvm.resolve("openjdk-17"));
        Path ok = jdk("java-21-openjdk", "21.0.2", FULL);

        assertThat(Jdks.find(jvm, null)).extracting(Jdks.Jdk::home).containsExactly(ok.toRealPath());
    }

    @Test
    void addsTheRunningJdkWhenItLivesElsewhere() throws IOException {
        Path elsewhere = Files.createDirectories(jvm.resolveSibling(jvm.getFileName() + "-otro"));
        Path own = jdkIn(elsewhere.resolve("jdk-21"), "21.0.5", FULL);

        assertThat(Jdks.find(jvm, own)).extracting(Jdks.Jdk::version).containsExactly("21.0.5");
    }

    @Test
    void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
        assertThat(Jdks.feature("17.0.15")).isEqualTo(17);
        assertThat(Jdks.feature("25")).isEqualTo(25);
        assertThat(Jdks.feature("21-ea")).isEqualTo(21);
        assertThat(Jdks.feature("1.8.0_412")).isEqualTo(8);
    }

    private Path jdk(String name, String version, String modules) throws IOException {
        return jdkIn(jvm.resolve(name), version, modules);
    }

    private static Path jdkIn(Path home, String version, String modules) throws IOException {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\nJAVA_VERSION_DATE=\"2025-04-15\"\nMODULES=\""
                + modules + "\"\n");
        return home;
    }
}
