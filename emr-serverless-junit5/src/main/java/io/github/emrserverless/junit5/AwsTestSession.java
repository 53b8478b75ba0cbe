package io.github.emrserverless.junit5;

import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.aws.SharedParameters;
import io.github.emrserverless.core.flow.SessionStarter;
import io.github.emrserverless.core.guard.GuardedStart;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.guard.RunGuard;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session on EMR Serverless that a test run gets by itself (from the IDE, or a plain {@code mvn test}) when
 * {@link TestSettings} name an application: started, or with {@code reuse} (the default here) a warm one of the same
 * configuration reused, through the core as start-session does. Its token is renewed while the run lasts. A reusable
 * session stays for the next run, and ends after its idle timeout; any other ends with the test run, and the run
 * guard ends it when the run fails or is interrupted.
 */
final class AwsTestSession {

    private AwsTestSession() {}

    /** @param directory where the session's token, {@code session.json} and report go */
    static ExportedSession start(TestSettings settings, Path directory, RunGuard guard, Reporter log)
            throws InterruptedException {
        long idleTimeoutMinutes = Long.parseLong(settings.get("idleTimeoutMinutes", "30"));
        boolean reuse = Boolean.parseBoolean(settings.get("reuse", "true"));
        AwsSettings aws = new SharedParameters(
                        settings.get("applicationId"),
                        settings.get("region"),
                        settings.get("profile"),
                        settings.get("endpoint"),
                        settings.get("roleArn"),
                        settings.get("roleSessionName"),
                        settings.get("externalId"),
                        null,
                        Integer.parseInt(settings.get("maxAttempts", "5")),
                        settings.get("connectTimeout", "10s"),
                        settings.get("readTimeout", "60s"),
                        "junit")
                // The proxy of the user's Maven settings, as the plugin takes it from a build's.
                .check(settings, () -> null, MavenUserSettings.standard().activeProxy());
        StartSessionConfiguration.Outputs outputs = new StartSessionConfiguration.Outputs(
                ExportedSession.SESSION_ID,
                directory.resolve("session.json"),
                directory.resolve("session-token"),
                directory.resolve("session.env"),
                directory.resolve("report.json"),
                false);
        StartSessionConfiguration configuration = new StartSessionConfiguration(
                new StartSessionConfiguration.Request(
                        settings.get("applicationId"),
                        settings.get("executionRoleArn"),
                        settings.get("name", "junit-test-run"),
                        idleTimeoutMinutes,
                        Map.of(),
                        null,
                        true,
                        null,
                        settings.get(
                                "project",
                                directory.getParent().getParent().getFileName().toString()),
                        null),
                new StartSessionConfiguration.RuntimeConfigurationSources(
                        List.of(), directory, List.of(), Map.of(), System.getProperties()),
                new StartSessionConfiguration.Waiting(true, settings.get("waitTimeout", "20m"), true, true),
                reuse
                        ? new StartSessionConfiguration.Reuse(
                                true, settings.get("reuseMaxAge", "4h"), settings.get("reuseScope"))
                        : StartSessionConfiguration.Reuse.OFF,
                new StartSessionConfiguration.Limits(
                        settings.get("maxSessionAge", "4h"), Integer.parseInt(settings.get("maxLiveSessions", "10"))),
                outputs,
                false);
        Map<String, String> exported = new ConcurrentHashMap<>();
        GoalContext context = new GoalContext(log, settings, Map.of(), Clock.systemUTC(), Sleeper.SYSTEM);
        try (AwsClients.Preparation prepared = AwsClients.prepare(aws, log)) {
            AwsClients[] opened = new AwsClients[1];
            new SessionStarter(context)
                    .start(
                            configuration,
                            () -> opened[0] = prepared.open(Sleeper.SYSTEM),
                            exported::put,
                            GuardedStart.listener(
                                    guard,
                                    aws,
                                    // Ended with the test run, not before: nothing else ends it.
                                    new PendingSession.Ending(
                                            idleTimeoutMinutes, outputs.tokenFile(), true, outputs.reportFile()),
                                    reuse,
                                    () -> opened[0],
                                    outputs.outputFile(),
                                    log));
        }
        return ExportedSession.fromProperties(exported::get, ExportedSession.SESSION_ID)
                .orElseThrow(() -> new IllegalStateException("The session was started but not handed over"));
    }
}
