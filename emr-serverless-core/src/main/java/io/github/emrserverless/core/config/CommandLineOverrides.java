package io.github.emrserverless.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads {@code -Demr-serverless.conf.<classification>.<key>=<value>} user properties. Classification names
 * have no dots, so the classification is the text up to the first dot after the prefix.
 */
final class CommandLineOverrides {

    public static final String PREFIX = "emr-serverless.conf.";
    public static final String LABEL = "-D" + PREFIX + "<classification>.<key>";

    private CommandLineOverrides() {}

    public static ConfigurationSource from(Properties userProperties) {
        Map<String, Map<String, String>> byClassification = new LinkedHashMap<>();
        // Sorted, so the request is the same whatever order the JVM keeps properties in.
        for (String name : new TreeSet<>(userProperties.stringPropertyNames())) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String rest = name.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                throw InvalidConfigurationException.invalid(
                        "command-line property -D" + name,
                        "expected -D" + PREFIX + "<classification>.<key>=<value>, for example -D" + PREFIX
                                + "spark-defaults.spark.executor.memory=8g.");
            }
            byClassification
                    .computeIfAbsent(rest.substring(0, dot), c -> new LinkedHashMap<>())
                    .put(rest.substring(dot + 1), userProperties.getProperty(name));
        }
        List<Configuration> configurations = new ArrayList<>();
        byClassification.forEach(
                (classification, properties) -> configurations.add(Configuration.of(classification, properties)));
        return new ConfigurationSource(LABEL, configurations);
    }
}
