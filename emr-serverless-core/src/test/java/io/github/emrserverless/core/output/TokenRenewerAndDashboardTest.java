package io.github.emrserverless.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.emrserverless.core.inventory.SessionDashboard;
import io.github.emrserverless.core.testing.AgainstEmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds;
import io.github.emrserverless.core.testing.EmulatedBuilds.Build;
import io.github.emrserverless.core.testing.RecordingReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What outlasts start-session: the token renewer, and the dashboard link that goes nowhere but the log. */
class TokenRenewerAndDashboardTest extends AgainstEmulatedBuilds {

    long endpointCalls() {
        return builds.calls("GetSessionEndpoint");
    }

    @Test
    void theTokenFileAlwaysHoldsAnUnexpiredTokenUntilTheRenewerStops() throws Exception {
        Build build = builds.start(new EmulatedBuilds.Start("appshorttoken", "app", Map.of(), null, true, false, 10));
        String first = Files.readString(build.out().resolve("token"));
        String firstExpiry =
                json(build, "session.json").get("authTokenExpiresAt").asText();
        RecordingReporter reporter = new RecordingReporter();
        TokenRenewer renewer = new TokenRenewer(
                builds.clients().sessions(),
                new TokenRenewer.Target(
                        "appshorttoken",
                        build.sessionId(),
                        build.out().resolve("token"),
                        build.out().resolve("session.json")),
                reporter,
                Clock.systemUTC(),
                () -> reporter.info("closed"));
        renewer.start(Instant.parse(firstExpiry));

        // Three-second tokens, renewed at 80 %: after seven seconds the first has expired long since.
        Thread.sleep(7000);
        String now = Files.readString(build.out().resolve("token"));
        Instant expiry = Instant.parse(
                json(build, "session.json").get("authTokenExpiresAt").asText());
        assertThat(now).isNotEqualTo(first);
        assertThat(expiry).isAfter(Instant.now());
        assertThat(json(build, "session.json").get("sessionId").asText()).isEqualTo(build.sessionId());
        assertThat(endpointCalls()).isGreaterThanOrEqualTo(3);

        renewer.close();
        long calls = endpointCalls();
        Thread.sleep(3000);
        assertThat(endpointCalls()).isEqualTo(calls);
        assertThat(reporter.lines).containsExactly("info: closed");
    }

    @Test
    void theDashboardLinkIsMintedAfreshEachTimeAndKeptNowhere() throws Exception {
        Build build = builds.start(new EmulatedBuilds.Start("app", "app", Map.of(), null, true, false, 10));
        RecordingReporter reporter = new RecordingReporter();
        SessionDashboard dashboard = new SessionDashboard(
                builds.clients().sessions(), reporter, Map.of(), build.out().resolve("dashboard-url"));

        dashboard.print("app", build.sessionId());
        dashboard.print("app", build.sessionId());

        assertThat(reporter.lines).hasSize(4);
        String first = reporter.lines.get(1);
        String second = reporter.lines.get(3);
        assertThat(first)
                .startsWith("info: https://dashboard.emulator.invalid/live/" + build.sessionId() + "?authToken=");
        assertThat(second).isNotEqualTo(first);
        String link = first.substring("info: ".length());
        for (String file : new String[] {"session.json", "report.json", "session.env"}) {
            assertThat(Files.readString(build.out().resolve(file))).doesNotContain("dashboard.emulator.invalid");
        }
        assertThat(build.properties().values()).noneMatch(value -> value.contains(link));
    }

    @Test
    void inCiTheLinkGoesToAnOwnerOnlyFileNotTheLog() throws Exception {
        Build build = builds.start(new EmulatedBuilds.Start("app", "app", Map.of(), null, true, false, 10));
        RecordingReporter reporter = new RecordingReporter();
        Path file = build.out().resolve("dashboard-url");

        new SessionDashboard(builds.clients().sessions(), reporter, Map.of("CI", "true"), file)
                .print("app", build.sessionId());

        String link = Files.readString(file).trim();
        assertThat(link).startsWith("https://dashboard.emulator.invalid/live/" + build.sessionId() + "?authToken=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(reporter.lines)
                .singleElement()
                .asString()
                .contains("In CI it is not printed to the build log: it is in " + file)
                .doesNotContain("authToken");
    }

    com.fasterxml.jackson.databind.JsonNode json(Build build, String file) throws Exception {
        return new ObjectMapper().readTree(build.out().resolve(file).toFile());
    }
}
