package io.github.emrserverless.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges runtime configuration from several sources into one list, later sources winning.
 *
 * <p>Classifications match by exact name; properties merge key by key; nested configurations merge
 * recursively by the same rule; the result keeps first-appearance order; a classification left with neither
 * properties nor nested configurations is dropped.
 */
final class ConfigurationMerger {

    public List<Configuration> merge(List<ConfigurationSource> sources) {
        List<Configuration> merged = List.of();
        for (ConfigurationSource source : sources) {
            merged = merge(merged, source.configurations());
        }
        return merged;
    }

    private static List<Configuration> merge(List<Configuration> lower, List<Configuration> higher) {
        Map<String, Configuration> byClassification = new LinkedHashMap<>();
        for (Configuration configuration : lower) {
            byClassification.merge(configuration.classification(), configuration, ConfigurationMerger::combine);
        }
        for (Configuration configuration : higher) {
            byClassification.merge(configuration.classification(), configuration, ConfigurationMerger::combine);
        }
        List<Configuration> result = new ArrayList<>();
        for (Configuration configuration : byClassification.values()) {
            // Nested lists were only concatenated so far: merging them here also drops their empty entries.
            Configuration merged = new Configuration(
                    configuration.classification(),
                    configuration.properties(),
                    merge(List.of(), configuration.configurations()));
            if (!merged.isEmpty()) {
                result.add(merged);
            }
        }
        return result;
    }

    private static Configuration combine(Configuration lower, Configuration higher) {
        Map<String, String> properties = new LinkedHashMap<>(lower.properties());
        properties.putAll(higher.properties());
        List<Configuration> nested = new ArrayList<>(lower.configurations());
        nested.addAll(higher.configurations());
        return new Configuration(lower.classification(), properties, nested);
    }
}
