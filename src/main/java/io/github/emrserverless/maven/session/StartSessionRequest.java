package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Configuration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A StartSession request: {@code applicationId} travels in the path, everything else in the body
 * ({@link #body()}).
 */
public record StartSessionRequest(
        String applicationId,
        String clientToken,
        String executionRoleArn,
        String name,
        Long idleTimeoutMinutes,
        Map<String, String> tags,
        ConfigurationOverrides configurationOverrides) {

    public StartSessionRequest {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The {@code SessionConfigurationOverrides} shape: sessions accept runtime configuration only. */
    public record ConfigurationOverrides(List<Configuration> runtimeConfiguration) {
        public ConfigurationOverrides {
            runtimeConfiguration = List.copyOf(runtimeConfiguration);
        }
    }

    public List<Configuration> runtimeConfiguration() {
        return configurationOverrides == null ? List.of() : configurationOverrides.runtimeConfiguration();
    }

    /** The request body as a JSON object: members in the API's order, absent and empty ones left out. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "clientToken", clientToken);
        putIfPresent(body, "executionRoleArn", executionRoleArn);
        putIfPresent(body, "name", name);
        putIfPresent(body, "idleTimeoutMinutes", idleTimeoutMinutes);
        if (!tags.isEmpty()) {
            body.put("tags", tags);
        }
        if (!runtimeConfiguration().isEmpty()) {
            body.put("configurationOverrides",
                    Map.of("runtimeConfiguration", runtimeConfiguration().stream().map(Configuration::toJson).toList()));
        }
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String member, Object value) {
        if (value != null && !"".equals(value)) {
            body.put(member, value);
        }
    }
}
