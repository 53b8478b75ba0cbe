package io.github.emrserverless.maven.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.spark.sql.connect.service.SparkConnectServer;

/**
 * A server classpath without Spark: the test classes (with a stand-in {@link SparkConnectServer}) and a
 * spark-launcher jar holding a stand-in {@code JavaModuleOptions}. Forks start in a fraction of a second.
 */
final class FakeSpark implements ServerClasspath {

    private static final String OPTIONS_CLASS = "org/apache/spark/launcher/JavaModuleOptions.class";

    private final Path folder;
    int resolutions;

    FakeSpark(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Path> resolve(String sparkVersion) {
        resolutions++;
        try {
            Path launcher = folder.resolve("spark-launcher_2.13-" + sparkVersion + ".jar");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(launcher));
                    InputStream options = FakeSpark.class.getResourceAsStream("/" + OPTIONS_CLASS)) {
                jar.putNextEntry(new JarEntry(OPTIONS_CLASS));
                options.transferTo(jar);
            }
            return List.of(testClasses(), launcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path testClasses() {
        return LocalSessions.codeLocation(SparkConnectServer.class);
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
