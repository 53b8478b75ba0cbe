package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class ListSessionsMojoTest {

    @Test
    @InjectMojo(goal = "list-sessions", pom = "classpath:/mojo/terminate-session-pom.xml")
    void anUnknownStateIsRejectedWithTheAllowedOnes(ListSessionsMojo mojo) {
        MojoExtensionSupport.set(mojo, "states", List.of("IDLE", "RUNNING"));
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "Invalid <states> entry 'RUNNING' (from POM <states>); allowed: [SUBMITTED, STARTING, STARTED, IDLE,"
                                + " BUSY, FAILED, TERMINATING, TERMINATED].");
    }
}
