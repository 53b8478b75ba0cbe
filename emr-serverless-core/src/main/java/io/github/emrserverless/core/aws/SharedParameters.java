package io.github.emrserverless.core.aws;

import static io.github.emrserverless.core.config.InvalidConfigurationException.invalid;
import static io.github.emrserverless.core.config.Text.blankToNull;

import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The parameters every goal shares, as configured (no Maven types), and the one check that turns them into
 * {@link AwsSettings}: it runs before a goal does anything else, so bad input fails before any call to AWS.
 *
 * @param roleSessionName null for the default, {@code maven-<artifactId>}
 */
public record SharedParameters(
        String applicationId,
        String region,
        String profile,
        String endpoint,
        String roleArn,
        String roleSessionName,
        String externalId,
        Integer roleDurationSeconds,
        int maxAttempts,
        String connectTimeout,
        String readTimeout,
        String artifactId) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern ROLE_SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    static final String ENDPOINT_ALLOWED =
            "an absolute https URL such as https://emr-serverless.eu-west-1.amazonaws.com,"
                    + " or http only for a loopback host such as http://127.0.0.1:8080";

    /**
     * Checks every shared parameter and gathers where and as whom to call AWS.
     *
     * @param accessKey the settings.xml server's keys, read only once the rest is known to be valid
     * @param proxy the active settings.xml proxy, or null
     */
    public AwsSettings check(
            ParameterOrigin origin, Supplier<AwsSettings.AccessKey> accessKey, AwsSettings.Proxy proxy) {
        SessionIds.checkApplicationId(applicationId, origin);
        String regionId = blankToNull(region);
        if (regionId != null && !REGION.matcher(regionId).matches()) {
            throw invalid("region", regionId, origin, "an AWS region id such as eu-west-1 or us-gov-west-1");
        }
        URI endpointOverride = blankToNull(endpoint) == null ? null : endpoint(endpoint, origin);
        AwsSettings.AssumeRole role = blankToNull(roleArn) == null ? null : assumeRole(origin);
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw invalid("maxAttempts", maxAttempts, origin, "1 to 20");
        }
        return new AwsSettings(
                regionId,
                blankToNull(profile),
                accessKey.get(),
                role,
                endpointOverride,
                proxy,
                maxAttempts,
                Durations.parse(connectTimeout, "connectTimeout", origin),
                Durations.parse(readTimeout, "readTimeout", origin));
    }

    /**
     * An endpoint override must be https, except on a loopback host (a local emulator), so that signed requests
     * never cross a network in the clear.
     */
    static URI endpoint(String endpoint, ParameterOrigin origin) {
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw invalid("endpoint", endpoint, origin, ENDPOINT_ALLOWED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw invalid("endpoint", endpoint, origin, ENDPOINT_ALLOWED);
        }
        return uri;
    }

    private AwsSettings.AssumeRole assumeRole(ParameterOrigin origin) {
        String arn = roleArn.trim();
        String sessionName = roleSessionName == null ? defaultRoleSessionName(artifactId) : roleSessionName;
        check(
                ROLE_ARN.matcher(arn).matches(),
                "roleArn",
                arn,
                origin,
                "an IAM role ARN like arn:aws:iam::123456789012:role/ci-deployer");
        check(
                ROLE_SESSION_NAME.matcher(sessionName).matches(),
                "roleSessionName",
                sessionName,
                origin,
                "2 to 64 characters of letters, digits and _ + = , . @ -");
        String external = blankToNull(externalId);
        if (external != null) {
            check(
                    EXTERNAL_ID.matcher(external).matches(),
                    "externalId",
                    external,
                    origin,
                    "2 to 1224 characters of letters, digits and _ + = , . @ : / -");
        }
        if (roleDurationSeconds != null) {
            check(
                    roleDurationSeconds >= 900 && roleDurationSeconds <= 43200,
                    "roleDurationSeconds",
                    roleDurationSeconds,
                    origin,
                    "900 to 43200 (and at most the role's maximum session duration)");
        }
        return new AwsSettings.AssumeRole(arn, sessionName, external, roleDurationSeconds);
    }

    /** A session name from the project, e.g. {@code maven-my-app}: what CloudTrail shows as the caller. */
    static String defaultRoleSessionName(String artifactId) {
        String name = ("maven-" + (artifactId == null ? "build" : artifactId)).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static void check(boolean ok, String parameter, Object value, ParameterOrigin origin, String allowed) {
        if (!ok) {
            throw InvalidConfigurationException.invalid(parameter, value, origin, allowed);
        }
    }

    /** True for {@code localhost} and literal loopback addresses; a name would need a DNS lookup, which can lie. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
