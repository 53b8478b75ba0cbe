package io.github.emrserverless.maven.aws;

import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.ParameterOrigin;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

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

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    /** Static credentials; {@link #toString()} shows the key id only. */
    public record AccessKey(String accessKeyId, String secretAccessKey, String source) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + " from " + source + "]";
        }
    }

    /** An STS AssumeRole on top of the base credentials. */
    public record AssumeRole(String roleArn, String sessionName, String externalId, Integer durationSeconds) {}

    /** An HTTP proxy; {@link #toString()} leaves the password out. */
    public record Proxy(String protocol, String host, int port, String username, String password, String nonProxyHosts) {
        @Override
        public String toString() {
            return "Proxy[" + protocol + "://" + host + ":" + port + (username == null ? "" : ", user " + username) + "]";
        }
    }

    /** Checks a region id's form (like {@code eu-west-1}, {@code us-gov-west-1}) before the SDK sees it. */
    public static void validateRegion(String region, ParameterOrigin origin) {
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidConfigurationException("Invalid <region> '" + region + "' (from " + origin.of("region")
                    + "); allowed: an AWS region id such as eu-west-1 or us-gov-west-1.");
        }
    }
}
