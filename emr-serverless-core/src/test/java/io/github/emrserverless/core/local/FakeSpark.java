package io.github.emrserverless.core.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.connect.service.SparkConnectServer;

/**
 * A server classpath without Spark's engine: the test classes (with a stand-in {@link SparkConnectServer}), a
 * spark-launcher jar holding a stand-in {@code JavaModuleOptions}, and the Spark Connect jars whose shaded gRPC the
 * plugin's token check implements. Forks start in a fraction of a second.
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
            List<Path> classpath = new ArrayList<>(List.of(testClasses(), launcher));
            // The plugin's token check implements Spark Connect's shaded gRPC interface: the real jars hold it.
            try (Stream<Path> jars = Files.list(
                    Path.of("target", "spark-connect-servers", System.getProperty("spark.oldest.version")))) {
                jars.map(Path::toAbsolutePath).forEach(classpath::add);
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path testClasses() {
        return LocalServerLauncher.codeLocation(SparkConnectServer.class);
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
