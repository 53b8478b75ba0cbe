package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Configuration;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * start-session's parameters as configured, without Maven types: what {@link SessionStarter} works from.
 *
 * @param request what goes into StartSession
 * @param runtimeConfiguration where the runtime configuration comes from
 * @param waiting how far the goal goes before the build moves on
 * @param outputs where the session is handed over
 * @param reuse whether and how a warm session is reused
 * @param limits what keeps sessions from outliving their purpose
 * @param dryRun print the request instead of sending it
 */
public record StartSessionConfiguration(
        Request request,
        RuntimeConfigurationSources runtimeConfiguration,
        Waiting waiting,
        Reuse reuse,
        Limits limits,
        Outputs outputs,
        boolean dryRun) {

    /**
     * @param maxSessionAge as written ({@code 4h}): when the {@code expires-at} tag says the session has expired
     * @param maxLiveSessions the ceiling on the project's live sessions; 0 for none
     */
    public record Limits(String maxSessionAge, int maxLiveSessions) {}

    /** @param maxAge as written ({@code 4h}); read only when reuse is on */
    public record Reuse(boolean enabled, String maxAge) {
        public static final Reuse OFF = new Reuse(false, null);
    }

    /**
     * @param clientToken null for a new UUID
     * @param tags the user's tags; the default tags are added unless {@code defaultTags} is false
     */
    public record Request(
            String applicationId,
            String executionRoleArn,
            String name,
            long idleTimeoutMinutes,
            Map<String, String> tags,
            String clientToken,
            boolean defaultTags,
            String groupId,
            String artifactId) {}

    /**
     * @param files as configured; relative ones are resolved against {@code basedir}
     * @param userProperties the build's user properties, for {@code -Demr-serverless.conf.*}
     */
    public record RuntimeConfigurationSources(
            List<Path> files,
            Path basedir,
            List<Configuration> entries,
            Map<String, String> sparkProperties,
            Properties userProperties) {}

    /**
     * @param waitTimeout as written ({@code 20m}, {@code PT20M})
     * @param exportEndpoint null for "when waiting for readiness"
     */
    public record Waiting(boolean waitForReady, String waitTimeout, boolean startApplication, Boolean exportEndpoint) {}

    /** @param reportFile report.json: what happened to the session */
    public record Outputs(
            String sessionIdProperty,
            Path outputFile,
            Path tokenFile,
            Path envFile,
            Path reportFile,
            boolean exportAuthToken) {}
}
