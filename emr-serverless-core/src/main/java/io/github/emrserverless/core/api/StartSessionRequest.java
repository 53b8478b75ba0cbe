package io.github.emrserverless.core.api;

import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.SecretMasker;
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

    public static Builder builder() {
        return new Builder();
    }

    /** The same request with secret-looking runtime configuration values masked: for logs. */
    public StartSessionRequest masked() {
        return toBuilder()
                .runtimeConfiguration(SecretMasker.mask(runtimeConfiguration()))
                .build();
    }

    /** The same request with another client token, and the {@code start-token} tag (if any) following it. */
    public StartSessionRequest withClientToken(String token) {
        Map<String, String> retagged = new LinkedHashMap<>(tags);
        retagged.computeIfPresent(DefaultTags.START_TOKEN, (key, old) -> token);
        return toBuilder().clientToken(token).tags(retagged).build();
    }

    public Builder toBuilder() {
        return builder()
                .applicationId(applicationId)
                .clientToken(clientToken)
                .executionRoleArn(executionRoleArn)
                .name(name)
                .idleTimeoutMinutes(idleTimeoutMinutes)
                .tags(tags)
                .runtimeConfiguration(runtimeConfiguration());
    }

    /** Builds a request; an empty runtime configuration sends no {@code configurationOverrides}. */
    public static final class Builder {
        private String applicationId;
        private String clientToken;
        private String executionRoleArn;
        private String name;
        private Long idleTimeoutMinutes;
        private Map<String, String> tags = Map.of();
        private List<Configuration> runtimeConfiguration = List.of();

        private Builder() {}

        public Builder applicationId(String applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public Builder executionRoleArn(String executionRoleArn) {
            this.executionRoleArn = executionRoleArn;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder idleTimeoutMinutes(Long idleTimeoutMinutes) {
            this.idleTimeoutMinutes = idleTimeoutMinutes;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder runtimeConfiguration(List<Configuration> runtimeConfiguration) {
            this.runtimeConfiguration = runtimeConfiguration;
            return this;
        }

        public StartSessionRequest build() {
            return new StartSessionRequest(
                    applicationId,
                    clientToken,
                    executionRoleArn,
                    name,
                    idleTimeoutMinutes,
                    tags,
                    runtimeConfiguration == null || runtimeConfiguration.isEmpty()
                            ? null
                            : new ConfigurationOverrides(runtimeConfiguration));
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
            body.put(
                    "configurationOverrides",
                    Map.of(
                            "runtimeConfiguration",
                            runtimeConfiguration().stream()
                                    .map(Configuration::toJson)
                                    .toList()));
        }
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String member, Object value) {
        if (value != null && !"".equals(value)) {
            body.put(member, value);
        }
    }
}
