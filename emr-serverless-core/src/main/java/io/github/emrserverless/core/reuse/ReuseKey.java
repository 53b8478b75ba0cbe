package io.github.emrserverless.core.reuse;

import io.github.emrserverless.core.api.CiJob;
import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.SecretMasker;
import io.github.emrserverless.core.config.Text;
import io.github.emrserverless.core.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What makes two sessions interchangeable, as a short hash: application, execution role, merged runtime
 * configuration, idle timeout, name, the user's own tags, and the reuse scope (who may share it). The plugin's own
 * tags stay out: they differ per build. The key is published (a tag, a client token), so it hashes the runtime
 * configuration with secret-looking values masked; a session is reused only once its own attributes, the full
 * configuration among them, have been compared as well ({@link ReuseCheck}).
 */
public final class ReuseKey {

    /** The tags the plugin sets: not part of a session's identity. */
    static final Set<String> PLUGIN_TAGS = Set.of(
            DefaultTags.CREATED_BY,
            DefaultTags.MAVEN_PROJECT,
            DefaultTags.START_TOKEN,
            DefaultTags.CI_RUN,
            CiJob.TAG,
            Expiry.TAG,
            ReusableSessions.REUSE_KEY);

    private ReuseKey() {}

    /**
     * @param request the request without the default tags
     * @param scope the reuse scope's value for the caller ({@link ReuseScope#of})
     * @return 32 hexadecimal characters, fit for a tag value and a client token
     */
    public static String of(StartSessionRequest request, String scope) {
        return hash(
                request.applicationId(),
                request.executionRoleArn(),
                request.idleTimeoutMinutes(),
                request.name(),
                request.tags(),
                request.runtimeConfiguration(),
                scope);
    }

    private static String hash(
            String applicationId,
            String executionRoleArn,
            Long idleTimeoutMinutes,
            String name,
            Map<String, String> tags,
            List<Configuration> runtimeConfiguration,
            String scope) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("applicationId", applicationId);
        identity.put("executionRoleArn", executionRoleArn);
        identity.put("idleTimeoutMinutes", idleTimeoutMinutes);
        identity.put("name", name);
        identity.put("tags", userTags(tags));
        identity.put("runtimeConfiguration", canonical(SecretMasker.mask(runtimeConfiguration)));
        identity.put("scope", scope);
        try {
            return Text.sha256Hex(Json.create().asString(identity), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session's tags without the plugin's own, sorted. */
    static Map<String, String> userTags(Map<String, String> tags) {
        Map<String, String> user = new TreeMap<>(tags);
        user.keySet().removeAll(PLUGIN_TAGS);
        return user;
    }

    /** Property order does not change a session, so it does not change the key; classification order does. */
    static List<Map<String, Object>> canonical(List<Configuration> configurations) {
        return configurations.stream()
                .map(configuration -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("classification", configuration.classification());
                    json.put("properties", new TreeMap<>(configuration.properties()));
                    json.put("configurations", canonical(configuration.configurations()));
                    return json;
                })
                .toList();
    }
}
