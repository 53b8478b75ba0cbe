package io.github.emrserverless.core.config;

import java.util.List;
import java.util.Map;

/**
 * Checks runtime configuration against the API's {@code ConfigurationList} constraints: at most 100
 * configurations per list, classification 1..1024 characters and not blank, at most 100 properties, keys
 * 1..1024 characters and not blank, values 1..1024 characters and not blank (the model's pattern rejects a
 * blank value even though its minimum length is 0).
 */
final class ConfigurationValidator {

    static final int MAX_CONFIGURATIONS = 100;
    static final int MAX_PROPERTIES = 100;
    static final int MAX_LENGTH = 1024;

    /** Checks one source; messages name it. */
    public void validate(ConfigurationSource source) {
        validate(source.configurations(), "from " + source.label(), "");
    }

    /** Checks the list sizes of the merged result, which no single source may break on its own. */
    public void validateMerged(List<Configuration> merged, List<ConfigurationSource> sources) {
        String where = "after merging "
                + String.join(
                        ", ", sources.stream().map(ConfigurationSource::label).toList());
        validate(merged, where, "");
    }

    private void validate(List<Configuration> configurations, String where, String parent) {
        if (configurations.size() > MAX_CONFIGURATIONS) {
            throw invalid(
                    where,
                    (parent.isEmpty() ? "the list" : "the nested list of classification " + parent) + " has "
                            + configurations.size() + " configurations; allowed: at most " + MAX_CONFIGURATIONS + ".");
        }
        for (Configuration configuration : configurations) {
            String classification = configuration.classification();
            if (classification == null || classification.isBlank() || classification.length() > MAX_LENGTH) {
                throw invalid(
                        where,
                        "classification " + InvalidConfigurationException.quote(classification)
                                + (parent.isEmpty() ? "" : " (nested in classification " + parent + ")")
                                + " is not allowed; allowed: 1 to 1024 characters, not blank.");
            }
            String path = parent.isEmpty() ? "'" + classification + "'" : parent + " > '" + classification + "'";
            validateProperties(configuration.properties(), where, path);
            validate(configuration.configurations(), where, path);
        }
    }

    private static void validateProperties(Map<String, String> properties, String where, String path) {
        if (properties.size() > MAX_PROPERTIES) {
            throw invalid(
                    where,
                    "classification " + path + " has " + properties.size() + " properties; allowed: at most "
                            + MAX_PROPERTIES + ".");
        }
        properties.forEach((key, value) -> {
            if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
                throw invalid(
                        where,
                        "classification " + path + " has property key " + InvalidConfigurationException.quote(key)
                                + "; allowed: 1 to 1024 characters, not blank.");
            }
            if (value == null || value.isBlank()) {
                throw invalid(
                        where,
                        "property " + key + " of classification " + path
                                + " has an empty value; allowed: 1 to 1024 characters, not blank.");
            }
            if (value.length() > MAX_LENGTH) {
                throw invalid(
                        where,
                        "property " + key + " of classification " + path + " has a value of " + value.length()
                                + " characters; allowed: at most 1024.");
            }
        });
    }

    private static InvalidConfigurationException invalid(String where, String problem) {
        return InvalidConfigurationException.invalid("runtime configuration " + where, problem);
    }
}
