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
 * @param endpoint an endpoint override used verbatim, or null for the regional endpoint
 */
public record AwsSettings(
        String region, String profile, URI endpoint, int maxAttempts, Duration connectTimeout, Duration readTimeout) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    /** Checks a region id's form (like {@code eu-west-1}, {@code us-gov-west-1}) before the SDK sees it. */
    public static void validateRegion(String region, ParameterOrigin origin) {
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidConfigurationException("Invalid <region> '" + region + "' (from " + origin.of("region")
                    + "); allowed: an AWS region id such as eu-west-1 or us-gov-west-1.");
        }
    }
}
