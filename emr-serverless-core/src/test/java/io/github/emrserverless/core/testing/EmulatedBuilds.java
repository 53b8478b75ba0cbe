package io.github.emrserverless.core.testing;

import io.github.emrserverless.core.api.ServiceClients;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.flow.SessionStarter;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds' start-session and await-session runs against an emulator: application {@code app} (sessions ready
 * after 300 ms), {@code appfailing} (sessions fail), {@code appslow} (sessions never ready) and
 * {@code appshorttoken} (auth tokens that last 3 s).
 */
public final class EmulatedBuilds implements AutoCloseable {

    /** The ci-job of every emulated build: they run in CI run 42 (see the context's environment). */
    public static final String CI_JOB = "42-1-it-0a1b2c3d";

    /** Who the builds call as: the emulator's principal for SessionApis' default key. */
    public static final String CALLER = "arn:aws:iam::123456789012:user/AKIDTESTS";

    public static final ParameterOrigin ORIGIN = parameter -> "POM <" + parameter + ">";

    public final EmrServerlessEmulator emulator;
    private final UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();
    private final Path temp;

    EmulatedBuilds(Path temp) throws Exception {
        this.temp = temp;
        Duration ready = Duration.ofMillis(300);
        emulator = EmrServerlessEmulator.builder()
                .anyAccessKeyWithSecret("secret")
                .application(ApplicationSpec.started("app").withSessions(ready, ApplicationSpec.SessionOutcome.READY))
                .application(
                        ApplicationSpec.started("appfailing").withSessions(ready, ApplicationSpec.SessionOutcome.FAIL))
                .application(ApplicationSpec.started("appslow")
                        .withSessions(ready, ApplicationSpec.SessionOutcome.NEVER_READY))
                .application(ApplicationSpec.started("appshorttoken")
                        .withSessions(ready, ApplicationSpec.SessionOutcome.READY)
                        .withTokenLifetime(Duration.ofSeconds(3)))
                .start();
    }

    /** One build: its properties, files and log. */
    public record Build(Map<String, String> properties, RecordingReporter reporter, Path out) {
        public String sessionId() {
            return properties.get("emr-serverless.sessionId");
        }

        public StartSessionConfiguration.Outputs outputs() {
            return new StartSessionConfiguration.Outputs(
                    "emr-serverless.sessionId",
                    out.resolve("session.json"),
                    out.resolve("token"),
                    out.resolve("session.env"),
                    out.resolve("report.json"),
                    false);
        }
    }

    public Build newBuild(String name) {
        return new Build(
                new ConcurrentHashMap<>(), new RecordingReporter(), temp.resolve(name + "-" + System.nanoTime()));
    }

    /** What a test varies of start-session's configuration. */
    public record Start(
            String applicationId,
            String artifactId,
            Map<String, String> sparkProperties,
            String clientToken,
            boolean waitForReady,
            boolean reuse,
            int maxLiveSessions) {

        public static Start reusable(String artifactId, Map<String, String> sparkProperties) {
            return new Start("app", artifactId, sparkProperties, null, true, true, 10);
        }

        public static Start early(String applicationId) {
            return new Start(applicationId, "app", Map.of(), null, false, false, 10);
        }

        public static Start withCeiling(int maxLiveSessions) {
            return new Start("app", "app", Map.of(), null, false, false, maxLiveSessions);
        }
    }

    public Build start(Start start) throws Exception {
        Build build = newBuild(start.artifactId());
        StartSessionConfiguration configuration = new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        start.applicationId(),
                        StartSessionRequests.ROLE,
                        "reused",
                        30,
                        Map.of("team", "data"),
                        start.clientToken(),
                        true,
                        "com.example",
                        start.artifactId(),
                        EmulatedBuilds.CI_JOB),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        List.of(), temp, List.of(), start.sparkProperties(), new Properties()),
                new StartSessionConfiguration.Waiting(start.waitForReady(), "1m", true, null),
                new StartSessionConfiguration.Reuse(start.reuse(), "4h", null),
                new StartSessionConfiguration.Limits("4h", start.maxLiveSessions()),
                build.outputs(),
                false);
        new SessionStarter(new GoalContext(
                        build.reporter(), ORIGIN, Map.of("GITHUB_RUN_ID", "42"), Clock.systemUTC(), Sleeper.SYSTEM))
                .start(configuration, this::clients, build.properties()::put, new SessionListener() {});
        return build;
    }

    public UrlConnectionHttpClient http() {
        return http;
    }

    public ServiceClients clients() {
        SessionApi api = SessionApis.against(emulator.uri(), http).build();
        return new ServiceClients() {
            @Override
            public SessionApi sessions() {
                return api;
            }

            @Override
            public String callerArn() {
                return CALLER;
            }

            @Override
            public void startApplication(String applicationId) {
                throw new AssertionError("the applications are started");
            }

            @Override
            public void stopApplication(String applicationId) {
                throw new AssertionError("nothing is stopped here");
            }

            @Override
            public void close() {}
        };
    }

    public long calls(String operation) {
        return emulator.calls().stream()
                .filter(call -> call.operation().equals(operation))
                .count();
    }

    @Override
    public void close() {
        emulator.close();
        http.close();
    }
}
