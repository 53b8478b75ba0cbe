package io.github.emrserverless.core.config;

import java.util.List;

/**
 * Runtime configuration from one place the user can put it, with a label that error messages use to say
 * where a value came from (a file path, a POM element or the command line).
 */
public record ConfigurationSource(String label, List<Configuration> configurations) {

    public ConfigurationSource {
        configurations = List.copyOf(configurations);
    }
}
