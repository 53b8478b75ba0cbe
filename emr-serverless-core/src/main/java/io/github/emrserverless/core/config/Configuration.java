package io.github.emrserverless.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of an EMR Serverless {@code ConfigurationList}: a classification with properties and nested
 * configurations. Property order is kept, so the request shows keys in the order the user wrote them.
 */
public record Configuration(String classification, Map<String, String> properties, List<Configuration> configurations) {

    public Configuration {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    public static Configuration of(String classification, Map<String, String> properties) {
        return new Configuration(classification, properties, List.of());
    }

    boolean isEmpty() {
        return properties.isEmpty() && configurations.isEmpty();
    }

    /** As a JSON object of the API's {@code Configuration} shape; empty members left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (classification != null) {
            json.put("classification", classification);
        }
        if (!properties.isEmpty()) {
            json.put("properties", properties);
        }
        if (!configurations.isEmpty()) {
            json.put(
                    "configurations",
                    configurations.stream().map(Configuration::toJson).toList());
        }
        return json;
    }
}
