package io.github.emrserverless.core.local;

import java.nio.file.Path;
import java.util.List;

/**
 * The jars of a Spark Connect server and its runtime dependencies. The plugin's goes through Maven's own
 * resolver, so that the user's mirrors, proxies, offline mode and local repository apply.
 */
@FunctionalInterface
public interface ServerClasspath {

    /** @throws io.github.emrserverless.core.api.SessionException when they cannot be resolved */
    List<Path> resolve(String sparkVersion);
}
