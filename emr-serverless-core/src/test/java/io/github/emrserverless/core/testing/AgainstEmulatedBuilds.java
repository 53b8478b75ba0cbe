package io.github.emrserverless.core.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run builds' goals against a fresh {@link EmulatedBuilds} each. */
public abstract class AgainstEmulatedBuilds {

    @TempDir
    Path temp;

    public EmulatedBuilds builds;

    @BeforeEach
    void startEmulator() throws Exception {
        builds = new EmulatedBuilds(temp);
    }

    @AfterEach
    void stopEmulator() {
        builds.close();
    }
}
