package io.github.emrserverless.junit5;

import io.github.emrserverless.core.config.ParameterOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The extension's own settings, for a test run that gets its session by itself: the system property
 * {@code -Demr-serverless.<name>} first, then the environment variable {@code EMR_SERVERLESS_<NAME>} (camel case
 * split by underscores: {@code applicationId} is {@code EMR_SERVERLESS_APPLICATION_ID}), then the test resource
 * {@code emr-serverless.properties} ({@code <name>=...}). The names are the plugin's parameter names. Errors name
 * where a value came from, as the plugin's do.
 */
final class TestSettings implements ParameterOrigin {

    /** The test resource a project checks in for its IDE runs. */
    static final String RESOURCE = "emr-serverless.properties";

    private final Function<String, String> systemProperties;
    private final Map<String, String> environment;
    private final Properties resource;

    TestSettings(Function<String, String> systemProperties, Map<String, String> environment, Properties resource) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.resource = resource;
    }

    static TestSettings load(ClassLoader loader) {
        Properties resource = new Properties();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                resource.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the test resource " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new TestSettings(System::getProperty, System.getenv(), resource);
    }

    /** The value, or null when no source sets it (a blank value counts as unset). */
    String get(String name) {
        for (String value : new String[] {
            systemProperties.apply(PROPERTY_PREFIX + name), environment.get(variable(name)), resource.getProperty(name)
        }) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    @Override
    public String of(String name) {
        if (isSet(systemProperties.apply(PROPERTY_PREFIX + name))) {
            return "-D" + PROPERTY_PREFIX + name;
        }
        if (isSet(environment.get(variable(name)))) {
            return "environment variable " + variable(name);
        }
        if (isSet(resource.getProperty(name))) {
            return name + " in the test resource " + RESOURCE;
        }
        return "the extension's default for " + name;
    }

    @Override
    public String howToSet(String name, String example) {
        return "Set it for the test run: -D" + PROPERTY_PREFIX + name + "=" + example + " (a system property), "
                + variable(name) + " (an environment variable) or " + name + " in the test resource " + RESOURCE;
    }

    static String variable(String name) {
        return "EMR_SERVERLESS_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
