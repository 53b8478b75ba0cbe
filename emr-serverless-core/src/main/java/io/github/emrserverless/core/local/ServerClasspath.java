package io.github.emrserverless.core.local;

import java.nio.file.Path;
import java.util.List;

/**
 * The jars of a Spark Connect server and its runtime dependencies. The plugin's goes through Maven's own
 * resolver, so that the user's mirrors, proxies, offline mode and local repository apply.
 */
@FunctionalInterface
public interface ServerClasspath {

    /** The server, whose runtime dependencies come with it. */
    String SERVER = "org.apache.spark:spark-connect_2.13";

    /**
     * What the server's POM declares as provided, supplied by a Spark distribution: SQL, and MLlib, without which ML
     * calls and even the release of a client's session fail on the server.
     */
    List<String> PROVIDED = List.of("org.apache.spark:spark-sql_2.13", "org.apache.spark:spark-mllib_2.13");

    /** The coordinates to resolve, with their runtime dependencies, for a server of this version. */
    static List<String> roots(String sparkVersion) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(SERVER), PROVIDED.stream())
                .map(artifact -> artifact + ":" + sparkVersion)
                .toList();
    }

    /** @throws io.github.emrserverless.core.api.SessionException when they cannot be resolved */
    List<Path> resolve(String sparkVersion);
}
