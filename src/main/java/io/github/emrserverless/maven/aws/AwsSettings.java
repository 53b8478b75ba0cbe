package io.github.emrserverless.maven.aws;

import java.net.URI;
import java.time.Duration;

/**
 * Where and as whom to call AWS.
 *
 * @param region the region id, or null for the SDK's region chain
 * @param profile the named profile, or null for the SDK's default credentials chain
 * @param endpoint an endpoint override used verbatim, or null for the regional endpoint
 */
public record AwsSettings(
        String region, String profile, URI endpoint, int maxAttempts, Duration connectTimeout, Duration readTimeout) {}
