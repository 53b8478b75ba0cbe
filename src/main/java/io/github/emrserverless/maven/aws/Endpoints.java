package io.github.emrserverless.maven.aws;

import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.ParameterOrigin;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import software.amazon.awssdk.awscore.endpoint.AwsClientEndpointProvider;
import software.amazon.awssdk.awscore.endpoint.DualstackEnabledProvider;
import software.amazon.awssdk.awscore.endpoint.FipsEnabledProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.endpoints.EmrServerlessEndpointParams;
import software.amazon.awssdk.services.emrserverless.endpoints.EmrServerlessEndpointProvider;

/** Endpoint checks and resolution: an override is used verbatim, otherwise the SDK's endpoint rules decide. */
public final class Endpoints {

    private Endpoints() {}

    /**
     * Parses an endpoint override. It must be https, except on a loopback host (a local emulator), so that
     * signed requests never cross a network in the clear.
     */
    public static URI parseOverride(String endpoint, ParameterOrigin origin) {
        String allowed = "an absolute https URL such as https://emr-serverless.eu-west-1.amazonaws.com,"
                + " or http only for a loopback host such as http://127.0.0.1:8080";
        URI uri;
        try {
            uri = new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw invalid(endpoint, origin, allowed);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw invalid(endpoint, origin, allowed);
        }
        return uri;
    }

    /**
     * Where the calls go, as the SDK's emrserverless client would send them: the {@code <endpoint>}
     * parameter, else a configured endpoint URL (AWS_ENDPOINT_URL_EMR_SERVERLESS, AWS_ENDPOINT_URL, their
     * system properties, the profile's {@code endpoint_url} and {@code services} section, read by the same
     * SDK class its client builder uses), else the regional endpoint.
     */
    static URI resolve(Region region, URI override, String profile) {
        return AwsClientEndpointProvider.builder()
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
    }

    /**
     * The regional endpoint by the SDK's own rules, FIPS and dual-stack included as the SDK reads them
     * (AWS_USE_FIPS_ENDPOINT, AWS_USE_DUALSTACK_ENDPOINT, their system properties, the profile), so that
     * sessions go where the SDK client sends StartApplication.
     */
    public static URI regional(Region region, String profile) {
        boolean fips = FipsEnabledProvider.builder().profileName(profile).build().isFipsEnabled().orElse(false);
        boolean dualStack = DualstackEnabledProvider.builder().profileName(profile).build().isDualstackEnabled().orElse(false);
        return URI.create(EmrServerlessEndpointProvider.defaultProvider()
                .resolveEndpoint(EmrServerlessEndpointParams.builder().region(region).useFips(fips).useDualStack(dualStack).build())
                .join()
                .url()
                .toString());
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name would need a DNS lookup, and a lookup can lie.
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static InvalidConfigurationException invalid(String endpoint, ParameterOrigin origin, String allowed) {
        return new InvalidConfigurationException("Invalid <endpoint> '" + endpoint + "' (from " + origin.of("endpoint")
                + "); allowed: " + allowed + ".");
    }
}
