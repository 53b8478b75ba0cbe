package io.github.emrserverless.core.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator's Spark Connect endpoint lets in only tokens it issued, until they expire. */
class EmulatorTokenCheckTest {

    @TempDir
    Path dir;

    @Test
    void anIssuedTokenPassesUntilItExpires() throws Exception {
        Path tokens = Files.writeString(dir.resolve("issued-tokens"), "tok-a 1000 s1\ntok-b 5000 s1\n");
        EmulatorTokenCheck check = new EmulatorTokenCheck(tokens, dir.resolve("calls.log"));

        assertThat(check.verdict("tok-a", 999)).isEqualTo(new EmulatorTokenCheck.Verdict("s1", "ACCEPTED"));
        assertThat(check.verdict("tok-a", 1000).session()).isNull();
        assertThat(check.verdict("tok-a", 1000).reason()).isEqualTo("token of s1 expired");
        assertThat(check.verdict("tok-b", 1000).session()).isEqualTo("s1");
        assertThat(check.verdict("tok-c", 0).reason()).isEqualTo("a token the emulator never issued");
        assertThat(check.verdict(null, 0).reason()).isEqualTo("no x-aws-proxy-auth token");
    }

    @Test
    void theServerIsToldTheClassByItsName() {
        assertThat(SparkConnectEndpoint.TOKEN_CHECK).isEqualTo(EmulatorTokenCheck.class.getName());
    }

    @Test
    void theLogTellsTokensApartWithoutHoldingThem() {
        assertThat(EmulatorTokenCheck.digest("tok-a")).hasSize(12).isNotEqualTo(EmulatorTokenCheck.digest("tok-b"));
        assertThat(EmulatorTokenCheck.digest("tok-a")).doesNotContain("tok");
    }
}
