package io.github.emrserverless.maven.session;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.emrserverless.maven.config.Configuration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A StartSession request. Serialised as it is, it is the request body: {@code applicationId} travels in
 * the path, everything else in the body, absent members omitted.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"clientToken", "executionRoleArn", "name", "idleTimeoutMinutes", "tags", "configurationOverrides"})
public record StartSessionRequest(
        @JsonIgnore String applicationId,
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
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ConfigurationOverrides(List<Configuration> runtimeConfiguration) {
        public ConfigurationOverrides {
            runtimeConfiguration = List.copyOf(runtimeConfiguration);
        }
    }

    @JsonIgnore
    public List<Configuration> runtimeConfiguration() {
        return configurationOverrides == null ? List.of() : configurationOverrides.runtimeConfiguration();
    }
}
