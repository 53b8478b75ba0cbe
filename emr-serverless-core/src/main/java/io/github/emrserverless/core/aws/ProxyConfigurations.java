package io.github.emrserverless.core.aws;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maven's proxy settings in the SDK HTTP clients' terms. A loopback host never goes through the proxy, as the
 * JDK's own default has it: a local emulator or tunnel is not behind the corporate proxy.
 */
final class ProxyConfigurations {

    /** As regular expressions against the lower-case host, the way the SDK's clients match non-proxy hosts. */
    static final List<String> LOOPBACK =
            List.of("localhost", "127\\.\\d+\\.\\d+\\.\\d+", "\\[?::1\\]?", "\\[?0:0:0:0:0:0:0:1\\]?");

    private ProxyConfigurations() {}

    /** For the URL connection client: a proxy without credentials. */
    static software.amazon.awssdk.http.urlconnection.ProxyConfiguration urlConnection(AwsSettings.Proxy proxy) {
        return software.amazon.awssdk.http.urlconnection.ProxyConfiguration.builder()
                .endpoint(endpoint(proxy))
                .nonProxyHosts(nonProxyHosts(proxy))
                .useSystemPropertyValues(false)
                .useEnvironmentVariablesValues(false)
                .build();
    }

    /**
     * For the Apache client, which authenticates the {@code CONNECT} of an https request to the proxy, and sends
     * the proxy's credentials to the proxy only, never through the tunnel to the service.
     */
    static software.amazon.awssdk.http.apache5.ProxyConfiguration apache(AwsSettings.Proxy proxy) {
        return software.amazon.awssdk.http.apache5.ProxyConfiguration.builder()
                .endpoint(endpoint(proxy))
                .username(proxy.username())
                .password(proxy.password())
                .nonProxyHosts(nonProxyHosts(proxy))
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false)
                .build();
    }

    private static URI endpoint(AwsSettings.Proxy proxy) {
        String scheme = proxy.protocol() == null || proxy.protocol().isBlank() ? "http" : proxy.protocol();
        return URI.create(scheme + "://" + proxy.host() + ":" + proxy.port());
    }

    private static Set<String> nonProxyHosts(AwsSettings.Proxy proxy) {
        Set<String> patterns = new LinkedHashSet<>(LOOPBACK);
        patterns.addAll(nonProxyHostPatterns(proxy.nonProxyHosts()));
        return patterns;
    }

    /**
     * Maven writes {@code *.example.com|localhost} (also comma-separated); the SDK client matches each
     * entry as a regular expression against the lower-case host.
     */
    static Set<String> nonProxyHostPatterns(String nonProxyHosts) {
        Set<String> patterns = new LinkedHashSet<>();
        if (nonProxyHosts == null) {
            return patterns;
        }
        for (String glob : nonProxyHosts.split("[|,]")) {
            String host = glob.trim().toLowerCase(Locale.ROOT);
            if (!host.isEmpty()) {
                patterns.add(
                        Arrays.stream(host.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
            }
        }
        return patterns;
    }
}
