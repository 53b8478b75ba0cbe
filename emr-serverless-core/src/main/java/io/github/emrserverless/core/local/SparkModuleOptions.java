package io.github.emrserverless.core.local;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --add-opens} flags a Spark driver needs on Java 17+, as Spark's own launcher
 * ({@code org.apache.spark.launcher.JavaModuleOptions}) lists them for the version being started: read from the
 * resolved spark-launcher jar in a class loader of its own, not copied into the plugin.
 */
public final class SparkModuleOptions {

    private static final String OPTIONS_CLASS = "org.apache.spark.launcher.JavaModuleOptions";

    private SparkModuleOptions() {}

    public static List<String> of(List<Path> classpath, String sparkVersion) {
        Path launcher = classpath.stream()
                .filter(jar -> jar.getFileName().toString().startsWith("spark-launcher_"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "The resolved Spark Connect server " + sparkVersion + " has no spark-launcher jar"));
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {url(launcher)}, ClassLoader.getPlatformClassLoader())) {
            Class<?> options = loader.loadClass(OPTIONS_CLASS);
            try {
                return List.of(
                        (String[]) options.getMethod("defaultModuleOptionArray").invoke(null));
            } catch (NoSuchMethodException spark35) {
                // Spark 3.5 has the same list as one string only.
                String joined =
                        (String) options.getMethod("defaultModuleOptions").invoke(null);
                return List.of(joined.trim().split("\\s+"));
            }
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException(
                    "Cannot read the Java module options of Spark " + sparkVersion + " from " + launcher + ": " + e, e);
        }
    }

    private static URL url(Path jar) throws MalformedURLException {
        return jar.toUri().toURL();
    }
}
