package io.github.emrserverless.core.aws;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import java.net.URI;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.awscore.endpoint.FipsEnabledProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.endpoints.EmrServerlessEndpointParams;
import software.amazon.awssdk.services.emrserverless.endpoints.EmrServerlessEndpointProvider;

/** Where requests go: an override is used verbatim, otherwise the SDK's endpoint rules decide. */
final class Endpoints {

    private Endpoints() {}

    /**
     * Where the calls go, as the SDK's emrserverless client would send them: the {@code <endpoint>}
     * parameter, else a configured endpoint URL (AWS_ENDPOINT_URL_EMR_SERVERLESS, AWS_ENDPOINT_URL, their
     * system properties, the profile's {@code endpoint_url} and {@code services} section, read by the same
     * SDK class its client builder uses), else the regional endpoint.
     */
    static URI resolve(Region region, URI override, String profile) {
        URI endpoint = AwsClientEndpointProvider.builder()
                .clientEndpointOverride(override)
                .serviceEndpointOverrideEnvironmentVariable("AWS_ENDPOINT_URL_EMR_SERVERLESS")
                .serviceEndpointOverrideSystemProperty("aws.endpointUrlEmrServerless")
                .serviceProfileProperty("emr_serverless")
                .serviceEndpointPrefix(HttpSessionApi.SIGNING_NAME)
                .defaultProtocol("https")
                .region(region)
                .profileName(profile)
                .resolveFromOverrides()
                .orElseGet(() -> regional(region, profile));
        checkConfigured(
                endpoint,
                "the configured endpoint of EMR Serverless (AWS_ENDPOINT_URL_EMR_SERVERLESS,"
                        + " AWS_ENDPOINT_URL, aws.endpointUrlEmrServerless, aws.endpointUrl or the profile's endpoint_url)");
        checkConfigured(System.getenv("AWS_ENDPOINT_URL_STS"), "AWS_ENDPOINT_URL_STS");
        checkConfigured(System.getProperty("aws.endpointUrlSts"), "aws.endpointUrlSts");
        checkConfigured(System.getenv("AWS_ENDPOINT_URL_SSO"), "AWS_ENDPOINT_URL_SSO");
        checkConfigured(System.getProperty("aws.endpointUrlSso"), "aws.endpointUrlSso");
        checkConfigured(System.getenv("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL");
        checkConfigured(System.getProperty("aws.endpointUrl"), "aws.endpointUrl");
        return endpoint;
    }

    /**
     * Signed requests (and STS, SSO answers with credentials) never cross a network in the clear, whichever way
     * the endpoint was given: http only to a loopback host, as for {@code <endpoint>}.
     */
    static void checkConfigured(Object endpoint, String source) {
        if (endpoint == null || endpoint.toString().isBlank()) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(endpoint.toString().trim());
        } catch (IllegalArgumentException e) {
            throw InvalidConfigurationException.invalid(
                    "endpoint " + InvalidConfigurationException.quote(endpoint),
                    source,
                    SharedParameters.ENDPOINT_ALLOWED);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean secure = scheme.equals("https")
                || scheme.equals("http") && uri.getHost() != null && SharedParameters.isLoopback(uri.getHost());
        if (!secure) {
            throw InvalidConfigurationException.invalid(
                    "endpoint " + InvalidConfigurationException.quote(endpoint),
                    source,
                    SharedParameters.ENDPOINT_ALLOWED);
        }
    }

    /**
     * The regional endpoint by the SDK's own rules, FIPS and dual-stack included as the SDK reads them
     * (AWS_USE_FIPS_ENDPOINT, AWS_USE_DUALSTACK_ENDPOINT, their system properties, the profile), so that
     * sessions go where the SDK client sends StartApplication.
     */
    public static URI regional(Region region, String profile) {
        boolean fips = FipsEnabledProvider.builder()
                .profileName(profile)
                .build()
                .isFipsEnabled()
                .orElse(false);
        boolean dualStack = DualstackEnabledProvider.builder()
                .profileName(profile)
                .build()
                .isDualstackEnabled()
                .orElse(false);
        return URI.create(EmrServerlessEndpointProvider.defaultProvider()
                .resolveEndpoint(EmrServerlessEndpointParams.builder()
                        .region(region)
                        .useFips(fips)
                        .useDualStack(dualStack)
                        .build())
                .join()
                .url()
                .toString());
    }
}
