package io.github.emrserverless.maven.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of an EMR Serverless {@code ConfigurationList}: a classification with properties and nested
 * configurations. Property order is kept, so the request shows keys in the order the user wrote them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Configuration(
        String classification, Map<String, String> properties, List<Configuration> configurations) {

    public Configuration {
        properties = properties == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        configurations = configurations == null ? List.of() : List.copyOf(configurations);
    }

    public static Configuration of(String classification, Map<String, String> properties) {
        return new Configuration(classification, properties, List.of());
    }

    boolean isEmpty() {
        return properties.isEmpty() && configurations.isEmpty();
    }
}
