package io.github.emrserverless.core.start;

import io.github.emrserverless.core.api.CiJob;
import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.MergedConfiguration;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.config.RuntimeConfigurationAssembler;
import io.github.emrserverless.core.config.RuntimeConfigurationFileReader;
import io.github.emrserverless.core.config.SecretMasker;
import io.github.emrserverless.core.flow.SessionStarter;
import io.github.emrserverless.core.support.Reporter;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * @param maxAge as written ({@code 4h}); read only when reuse is on
     * @param scope as written ({@code role}, {@code account}); null for the default
     */
    public record Reuse(boolean enabled, String maxAge, String scope) {
        public static final Reuse OFF = new Reuse(false, null, null);
    }

    /**
     * @param clientToken null for a new UUID
     * @param tags the user's tags; the default tags are added unless {@code defaultTags} is false
     * @param ciJob this build's {@link CiJob} leg, or null outside CI
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
            String artifactId,
            String ciJob) {}

    /**
     * @param files as configured; relative ones are resolved against {@code basedir}
     * @param userProperties the build's user properties, for {@code -Demr-serverless.conf.*}
     */
    public record RuntimeConfigurationSources(
            List<Path> files,
            Path basedir,
            List<Configuration> entries,
            Map<String, String> sparkProperties,
            Properties userProperties) {

        /** Every source merged into one configuration, by the precedence rules; warns about secrets in the POM. */
        public MergedConfiguration merge(Reporter reporter) {
            MergedConfiguration merged = new RuntimeConfigurationAssembler(
                            new RuntimeConfigurationFileReader(reporter::warn))
                    .assemble(
                            files.stream()
                                    // A -D list is relative to where mvn runs: resolved against the project, as
                                    // Maven does for POM paths.
                                    .map(file -> file.isAbsolute() ? file : basedir.resolve(file))
                                    .toList(),
                            entries,
                            sparkProperties,
                            userProperties);
            warnAboutSecretsInThePom(reporter);
            return merged;
        }

        /**
         * Maven itself prints each execution's configuration at {@code -X}, so a secret written in the POM reaches
         * the log whatever this plugin masks: say so, naming the keys only.
         */
        private void warnAboutSecretsInThePom(Reporter reporter) {
            List<String> keys = new ArrayList<>();
            entries.forEach(entry -> secretKeys(entry, "<runtimeConfiguration> ", keys));
            secretKeys(Configuration.of("spark-defaults", sparkProperties), "<sparkProperties> ", keys);
            if (!keys.isEmpty()) {
                reporter.warn("Secret-looking values are written in the POM (" + String.join(", ", keys)
                        + "): Maven prints the plugin's configuration at -X whatever the plugin masks. Put them in a"
                        + " runtimeConfigurationFiles file, or pass -Demr-serverless.conf.<classification>.<key> from"
                        + " a CI secret (README, Secrets).");
            }
        }

        private static void secretKeys(Configuration configuration, String where, List<String> keys) {
            configuration.properties().forEach((key, value) -> {
                if (SecretMasker.looksSecret(key)
                        || !SecretMasker.maskValue(value).equals(value)) {
                    keys.add(where + key);
                }
            });
            configuration.configurations().forEach(nested -> secretKeys(nested, where, keys));
        }
    }

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
            boolean exportAuthToken) {

        /** Before anything starts: a session whose ID has nowhere to go is of no use. */
        public void check(ParameterOrigin origin) {
            if (sessionIdProperty == null || sessionIdProperty.isBlank()) {
                throw InvalidConfigurationException.invalid(
                        "sessionIdProperty",
                        sessionIdProperty,
                        origin,
                        "a property name such as emr-serverless.sessionId");
            }
        }
    }
}
