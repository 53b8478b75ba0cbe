package io.github.emrserverless.core.session;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that run builds' goals against a fresh {@link EmulatedBuilds} each. */
abstract class AgainstEmulatedBuilds {

    @TempDir
    Path temp;

    EmulatedBuilds builds;

    @BeforeEach
    void startEmulator() throws Exception {
        builds = new EmulatedBuilds(temp);
    }

    @AfterEach
    void stopEmulator() {
        builds.close();
    }
}
