package io.github.emrserverless.maven.session;

import io.github.emrserverless.maven.config.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two sessions interchangeable, as a short hash: application, execution role, merged runtime
 * configuration, idle timeout, name and the user's own tags. The default tags stay out: they differ per build.
 */
public final class ReuseKey {

    private ReuseKey() {}

    /**
     * @param request the request without the default tags
     * @return 32 hexadecimal characters, fit for a tag value and a client token
     */
    public static String of(StartSessionRequest request) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("applicationId", request.applicationId());
        identity.put("executionRoleArn", request.executionRoleArn());
        identity.put("idleTimeoutMinutes", request.idleTimeoutMinutes());
        identity.put("name", request.name());
        identity.put("tags", new TreeMap<>(request.tags()));
        identity.put("runtimeConfiguration", canonical(request.runtimeConfiguration()));
        try {
            byte[] text = Json.create().asString(identity).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Property order does not change a session, so it does not change the key; classification order does. */
    private static List<Map<String, Object>> canonical(List<Configuration> configurations) {
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
