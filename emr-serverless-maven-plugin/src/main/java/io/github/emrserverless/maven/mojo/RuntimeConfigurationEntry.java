package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.config.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One {@code <configuration>} of {@code <runtimeConfiguration>}, named as in the API:
 * {@code <classification>}, {@code <properties>} and nested {@code <configurations>}.
 */
public class RuntimeConfigurationEntry {

    private String classification;
    // LinkedHashMap, not Map: Maven instantiates the declared type, and an interface gets a sorted map.
    private LinkedHashMap<String, String> properties = new LinkedHashMap<>();
    private List<RuntimeConfigurationEntry> configurations = new ArrayList<>();

    public RuntimeConfigurationEntry() {}

    Configuration toConfiguration() {
        List<Configuration> nested = new ArrayList<>();
        if (configurations != null) {
            configurations.forEach(c -> nested.add(c.toConfiguration()));
        }
        return new Configuration(classification, properties, nested);
    }

    public void setClassification(String classification) {
        this.classification = classification;
    }

    public void setProperties(LinkedHashMap<String, String> properties) {
        this.properties = properties;
    }

    public void setConfigurations(List<RuntimeConfigurationEntry> configurations) {
        this.configurations = configurations;
    }

    /** The POM's entries as the core's configurations; none when the parameter is unset. */
    static List<Configuration> toConfigurations(List<RuntimeConfigurationEntry> entries) {
        return entries == null
                ? List.of()
                : entries.stream()
                        .map(RuntimeConfigurationEntry::toConfiguration)
                        .toList();
    }

    /** The files of runtimeConfigurationFiles; none when the parameter is unset. */
    static List<java.nio.file.Path> paths(List<java.io.File> files) {
        return files == null
                ? List.of()
                : files.stream().map(java.io.File::toPath).toList();
    }
}
