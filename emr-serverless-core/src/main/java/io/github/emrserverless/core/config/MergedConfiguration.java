package io.github.emrserverless.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The merged runtime configuration and the sources it came from, for the summary line per classification. */
public record MergedConfiguration(List<Configuration> configurations, List<ConfigurationSource> sources) {

    public MergedConfiguration {
        configurations = List.copyOf(configurations);
        sources = List.copyOf(sources);
    }

    /**
     * One line per classification: how many properties it has and which source supplied the winning value
     * of each, e.g. {@code spark-defaults: 3 properties (file a.json: 1, -Demr-serverless.conf.*: 2)}.
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Configuration configuration : configurations) {
            // Counted per source in precedence order, so the line reads like the merge rules.
            Map<String, Integer> winners = new LinkedHashMap<>();
            sources.forEach(source -> winners.put(source.label(), 0));
            for (String key : configuration.properties().keySet()) {
                winners.merge(sourceOf(configuration.classification(), key), 1, Integer::sum);
            }
            winners.values().removeIf(n -> n == 0);
            StringBuilder line = new StringBuilder(configuration.classification())
                    .append(": ")
                    .append(count(configuration.properties().size(), "property", "properties"));
            if (!configuration.configurations().isEmpty()) {
                line.append(", ")
                        .append(count(
                                configuration.configurations().size(),
                                "nested configuration",
                                "nested configurations"));
            }
            if (!winners.isEmpty()) {
                List<String> parts = new ArrayList<>();
                winners.forEach((source, n) -> parts.add(source + ": " + n));
                line.append(" (").append(String.join(", ", parts)).append(')');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The label of the source whose value of the key won, like {@code POM <sparkProperties>}. */
    public String sourceOf(String classification, String key) {
        String winner = "?";
        for (ConfigurationSource source : sources) {
            for (Configuration configuration : source.configurations()) {
                if (configuration.classification().equals(classification)
                        && configuration.properties().containsKey(key)) {
                    winner = source.label();
                }
            }
        }
        return winner;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
