package io.github.emrserverless.core.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationValidatorTest {

    final ConfigurationValidator validator = new ConfigurationValidator();

    void assertInvalid(Configuration configuration, String message) {
        assertThatThrownBy(() -> validator.validate(new ConfigurationSource("file a.json", List.of(configuration))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid runtime configuration from file a.json: " + message);
    }

    @Test
    void acceptsTheLimits() {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            properties.put("k".repeat(1022) + (i % 10) + i / 10 % 10, "v".repeat(1024));
        }
        assertThatCode(() -> validator.validate(new ConfigurationSource(
                        "pom", List.of(new Configuration("c".repeat(1024), properties, List.of())))))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsBadClassifications() {
        assertInvalid(
                Configuration.of(null, Map.of("a", "b")),
                "classification (missing) is not allowed; allowed: 1 to 1024 characters, not blank.");
        assertInvalid(
                Configuration.of("  ", Map.of("a", "b")),
                "classification '  ' is not allowed; allowed: 1 to 1024 characters, not blank.");
        assertInvalid(
                new Configuration("outer", Map.of(), List.of(Configuration.of("x".repeat(1025), Map.of()))),
                "classification '" + "x".repeat(80)
                        + "...' (1025 characters) (nested in classification 'outer') is not allowed;"
                        + " allowed: 1 to 1024 characters, not blank.");
    }

    @Test
    void rejectsBadPropertiesWithTheirPath() {
        assertInvalid(
                Configuration.of("spark-defaults", Map.of("spark.x", " ")),
                "property spark.x of classification 'spark-defaults' has an empty value; allowed: 1 to 1024 characters, not blank.");
        assertInvalid(
                Configuration.of("spark-defaults", Map.of("spark.x", "v".repeat(1025))),
                "property spark.x of classification 'spark-defaults' has a value of 1025 characters; allowed: at most 1024.");
        assertInvalid(
                Configuration.of("spark-defaults", Map.of(" ", "v")),
                "classification 'spark-defaults' has property key ' '; allowed: 1 to 1024 characters, not blank.");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);
        assertInvalid(
                new Configuration("a", Map.of(), List.of(Configuration.of("b", withNull))),
                "property k of classification 'a' > 'b' has an empty value; allowed: 1 to 1024 characters, not blank.");
    }

    @Test
    void rejectsTooManyPropertiesAndConfigurations() {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            properties.put("k" + i, "v");
        }
        assertInvalid(
                Configuration.of("big", properties), "classification 'big' has 101 properties; allowed: at most 100.");
        List<Configuration> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Configuration.of("c" + i, Map.of("k", "v")));
        }
        assertThatThrownBy(() -> validator.validateMerged(many, List.of(new ConfigurationSource("file a.json", many))))
                .hasMessage(
                        "Invalid runtime configuration after merging file a.json: the list has 101 configurations; allowed: at most 100.");
    }
}
