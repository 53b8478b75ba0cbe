package io.github.emrserverless.core.local;

import io.github.emrserverless.core.api.SparkRelease;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars of a Spark Connect server and its runtime dependencies. The plugin's goes through Maven's own
 * resolver, so that the user's mirrors, proxies, offline mode and local repository apply.
 */
@FunctionalInterface
public interface ServerClasspath {

    /**
     * The server, whose runtime dependencies come with it, for this version: Spark 3.5 is published for Scala 2.12,
     * Spark 4 for Scala 2.13.
     */
    static String server(String sparkVersion) {
        return artifact("spark-connect", sparkVersion);
    }

    /**
     * The coordinates to resolve, with their runtime dependencies, for a server of this version: the server, and
     * what its POM declares as provided, supplied by a Spark distribution: SQL, and MLlib, without which ML calls and
     * even the release of a client's session fail on the server.
     */
    static List<String> roots(String sparkVersion) {
        return java.util.stream.Stream.of("spark-connect", "spark-sql", "spark-mllib")
                .map(name -> artifact(name, sparkVersion) + ":" + sparkVersion)
                .toList();
    }

    private static String artifact(String name, String sparkVersion) {
        return "org.apache.spark:" + name + "_"
                + SparkRelease.local(sparkVersion).scalaBinaryVersion();
    }

    /** @throws io.github.emrserverless.core.api.SessionException when they cannot be resolved */
    List<Path> resolve(String sparkVersion);
}
