package io.github.emrserverless.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One archive per Spark version, Java and class path; made once, used after, made again when rejected. */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    Path java17() throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk17/bin")).getParent();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse\"\nJAVA_VERSION=\"17.0.13\"\n");
        return home.resolve("bin/java");
    }

    Map<String, String> cache() {
        return Map.of("EMR_SERVERLESS_CACHE", dir.resolve("cache").toString());
    }

    @Test
    void onJava17TheFirstStartWritesToANameOfItsOwnThatTakesThePlaceAtExit() throws Exception {
        ClassDataArchive making = ClassDataArchive.of(java17(), List.of(Path.of("/r/a.jar")), "4.2.0", cache());
        assertThat(making.javaFeature()).isEqualTo(17);
        assertThat(making.jvmOptions()).containsExactly("-XX:ArchiveClassesAtExit=" + making.pending());
        assertThat(making.file().getFileName().toString()).matches("spark-4\\.2\\.0-java-17-[0-9a-f]{16}\\.jsa");
        making.prepare();
        Files.writeString(making.pending(), "archive bytes");

        making.afterExit(Files.writeString(dir.resolve("server.log"), "started"));

        assertThat(making.file()).hasContent("archive bytes");
        assertThat(making.pending()).doesNotExist();
        ClassDataArchive using = ClassDataArchive.of(java17(), List.of(Path.of("/r/a.jar")), "4.2.0", cache());
        assertThat(using.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + making.file());
    }

    @Test
    void aRejectedArchiveGoesSoThatTheNextStartMakesItAgain() throws Exception {
        ClassDataArchive making = ClassDataArchive.of(java17(), List.of(Path.of("/r/a.jar")), "4.2.0", cache());
        making.prepare();
        Files.writeString(making.file(), "damaged");
        ClassDataArchive using = ClassDataArchive.of(java17(), List.of(Path.of("/r/a.jar")), "4.2.0", cache());

        using.afterExit(Files.writeString(
                dir.resolve("server.log"),
                "[0.012s][warning][cds] " + ClassDataArchive.REJECTED + ". The top archive failed to load"));

        assertThat(using.file()).doesNotExist();
    }

    @Test
    void anotherClassPathJavaOrSparkVersionHasAnArchiveOfItsOwn() throws Exception {
        Path a = ClassDataArchive.of(java17(), List.of(Path.of("/r/a.jar")), "4.2.0", cache())
                .file();
        assertThat(ClassDataArchive.of(java17(), List.of(Path.of("/r/b.jar")), "4.2.0", cache())
                        .file())
                .isNotEqualTo(a);
        assertThat(ClassDataArchive.of(java17(), List.of(Path.of("/r/a.jar")), "4.0.1", cache())
                        .file())
                .isNotEqualTo(a);
        assertThat(ClassDataArchive.of(Path.of("/other/bin/java"), List.of(Path.of("/r/a.jar")), "4.2.0", cache())
                        .file())
                .isNotEqualTo(a);
    }

    @Test
    void java19AndLaterMakeAndCheckTheArchiveThemselvesAndItCanBeTurnedOff() throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk25/bin")).getParent();
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        ClassDataArchive archive = ClassDataArchive.of(home.resolve("bin/java"), List.of(), "4.2.0", cache());
        assertThat(archive.jvmOptions())
                .containsExactly("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive.file());
        assertThat(ClassDataArchive.of(
                        home.resolve("bin/java"),
                        List.of(),
                        "4.2.0",
                        Map.of("EMR_SERVERLESS_CLASS_DATA_ARCHIVE", "false")))
                .isNull();
    }

    @Test
    void theCacheFollowsXdgUnlessTold() {
        assertThat(ClassDataArchive.cacheDirectory(Map.of("XDG_CACHE_HOME", "/x/cache")))
                .isEqualTo(
                        System.getProperty("os.name").toLowerCase().contains("linux")
                                ? Path.of("/x/cache/emr-serverless")
                                : ClassDataArchive.cacheDirectory(Map.of("XDG_CACHE_HOME", "/x/cache")));
        assertThat(ClassDataArchive.cacheDirectory(Map.of("EMR_SERVERLESS_CACHE", "/own")))
                .isEqualTo(Path.of("/own"));
    }

    @Test
    void aJarInstalledAgainMakesAnotherArchiveAndOnlyTheNewestFewStay() throws Exception {
        Path jar = Files.writeString(dir.resolve("plugin.jar"), "v1");
        ClassDataArchive first = ClassDataArchive.of(java17(), List.of(jar), "4.2.0", cache());
        first.prepare();
        Files.writeString(first.file(), "archive");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        ClassDataArchive second = ClassDataArchive.of(java17(), List.of(jar), "4.2.0", cache());
        assertThat(second.file()).isNotEqualTo(first.file());

        for (int i = 0; i < ClassDataArchive.KEPT + 2; i++) {
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(2_000_000 + i));
            ClassDataArchive next = ClassDataArchive.of(java17(), List.of(jar), "4.2.0", cache());
            next.prepare();
            Files.writeString(next.file(), "archive " + i);
        }
        try (var archives = Files.list(first.file().getParent())) {
            assertThat(archives.filter(p -> p.toString().endsWith(".jsa"))).hasSize(ClassDataArchive.KEPT);
        }
    }

    @Test
    void inCiArchivesAreOffUnlessAskedFor() throws Exception {
        assertThat(ClassDataArchive.of(java17(), List.of(), "4.2.0", Map.of("CI", "true")))
                .isNull();
        assertThat(ClassDataArchive.of(
                        java17(),
                        List.of(),
                        "4.2.0",
                        Map.of("CI", "true", "EMR_SERVERLESS_CLASS_DATA_ARCHIVE", "true")))
                .isNotNull();
    }
}
