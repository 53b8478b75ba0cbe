package io.github.emrserverless.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Gathers runtime configuration from every source, lowest precedence first: each file in order, the POM's
 * {@code runtimeConfiguration}, {@code sparkProperties} (into {@code spark-defaults}), then
 * {@code -Demr-serverless.conf.*} user properties; validates each source and the merged result.
 */
public final class RuntimeConfigurationAssembler {

    public static final String SPARK_DEFAULTS = "spark-defaults";

    private final RuntimeConfigurationFileReader fileReader;
    private final ConfigurationValidator validator = new ConfigurationValidator();
    private final ConfigurationMerger merger = new ConfigurationMerger();

    public RuntimeConfigurationAssembler(RuntimeConfigurationFileReader fileReader) {
        this.fileReader = fileReader;
    }

    public MergedConfiguration assemble(
            List<Path> files,
            List<Configuration> pomConfiguration,
            Map<String, String> sparkProperties,
            Properties userProperties) {
        List<ConfigurationSource> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(fileReader.read(file));
        }
        if (!pomConfiguration.isEmpty()) {
            sources.add(new ConfigurationSource("POM <runtimeConfiguration>", pomConfiguration));
        }
        if (!sparkProperties.isEmpty()) {
            sources.add(new ConfigurationSource(
                    "POM <sparkProperties>", List.of(Configuration.of(SPARK_DEFAULTS, sparkProperties))));
        }
        ConfigurationSource commandLine = CommandLineOverrides.from(userProperties);
        if (!commandLine.configurations().isEmpty()) {
            sources.add(commandLine);
        }
        sources.forEach(validator::validate);
        List<Configuration> merged = merger.merge(sources);
        validator.validateMerged(merged, sources);
        return new MergedConfiguration(merged, sources);
    }
}
