package io.github.emrserverless.maven.aws;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;

/** Maven's proxy settings in the SDK HTTP client's terms. */
final class ProxyConfigurations {

    private ProxyConfigurations() {}

    static ProxyConfiguration of(AwsSettings.Proxy proxy) {
        String scheme = proxy.protocol() == null || proxy.protocol().isBlank() ? "http" : proxy.protocol();
        return ProxyConfiguration.builder()
                .endpoint(URI.create(scheme + "://" + proxy.host() + ":" + proxy.port()))
                .username(proxy.username())
                .password(proxy.password())
                .nonProxyHosts(nonProxyHostPatterns(proxy.nonProxyHosts()))
                .useSystemPropertyValues(false)
                .useEnvironmentVariablesValues(false)
                .build();
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
