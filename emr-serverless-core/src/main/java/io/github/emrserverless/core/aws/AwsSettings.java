package io.github.emrserverless.core.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom to call AWS.
 *
 * @param region the region id, or null for the SDK's region chain
 * @param profile the named profile, or null for the SDK's default credentials chain
 * @param accessKey static keys (from a settings.xml server), or null
 * @param assumeRole a role to assume on top of the base credentials, or null
 * @param endpoint an endpoint override used verbatim, or null for the regional endpoint
 * @param proxy the HTTP proxy, or null for the SDK's defaults (system properties, environment)
 */
public record AwsSettings(
        String region,
        String profile,
        AccessKey accessKey,
        AssumeRole assumeRole,
        URI endpoint,
        Proxy proxy,
        int maxAttempts,
        Duration connectTimeout,
        Duration readTimeout) {

    // equals and hashCode written out: a record's generated ones are bound through invokedynamic on their first call,
    // about 10 ms of a cold JVM, and every start keys the run guard's clients by these settings. AwsSettingsTest
    // fails when a component is left out.
    @Override
    public boolean equals(Object other) {
        return other instanceof AwsSettings that
                && maxAttempts == that.maxAttempts
                && Objects.equals(region, that.region)
                && Objects.equals(profile, that.profile)
                && Objects.equals(accessKey, that.accessKey)
                && Objects.equals(assumeRole, that.assumeRole)
                && Objects.equals(endpoint, that.endpoint)
                && Objects.equals(proxy, that.proxy)
                && Objects.equals(connectTimeout, that.connectTimeout)
                && Objects.equals(readTimeout, that.readTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                region, profile, accessKey, assumeRole, endpoint, proxy, maxAttempts, connectTimeout, readTimeout);
    }

    /** Static credentials; {@link #toString()} shows the key id only. */
    public record AccessKey(String accessKeyId, String secretAccessKey, String source) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + " from " + source + "]";
        }
    }

    /** An STS AssumeRole on top of the base credentials. */
    public record AssumeRole(String roleArn, String sessionName, String externalId, Integer durationSeconds) {}

    /**
     * An HTTP proxy, as a settings.xml {@code <proxy>} describes it; {@link #toString()} leaves the password out.
     *
     * @param id the {@code <id>} of the {@code <proxy>}, for messages
     */
    public record Proxy(
            String id, String protocol, String host, int port, String username, String password, String nonProxyHosts) {
        @Override
        public String toString() {
            return "Proxy[" + id + ": " + protocol + "://" + host + ":" + port
                    + (username == null ? "" : ", user " + username) + "]";
        }
    }
}
