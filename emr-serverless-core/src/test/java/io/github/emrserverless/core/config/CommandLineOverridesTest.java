package io.github.emrserverless.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CommandLineOverridesTest {

    static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void theClassificationEndsAtTheFirstDotAfterThePrefix() {
        ConfigurationSource source = CommandLineOverrides.from(properties(
                "emr-serverless.conf.spark-defaults.spark.executor.memory", "8g",
                "emr-serverless.conf.spark-defaults.spark.driver.cores", "2",
                "emr-serverless.conf.spark-hive-site.hive.metastore.uris", "thrift://m:9083",
                "emr-serverless.applicationId", "ignored",
                "other", "ignored"));

        assertThat(source.label()).isEqualTo("-Demr-serverless.conf.<classification>.<key>");
        assertThat(source.configurations())
                .containsExactly(
                        Configuration.of(
                                "spark-defaults", Map.of("spark.driver.cores", "2", "spark.executor.memory", "8g")),
                        Configuration.of("spark-hive-site", Map.of("hive.metastore.uris", "thrift://m:9083")));
    }

    @Test
    void keysWithoutClassificationOrPropertyAreRejectedByName() {
        for (String bad : new String[] {
            "emr-serverless.conf.spark-defaults", "emr-serverless.conf..key", "emr-serverless.conf.spark-defaults."
        }) {
            assertThatThrownBy(() -> CommandLineOverrides.from(properties(bad, "x")))
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageStartingWith("Invalid command-line property -D" + bad
                            + ": expected -Demr-serverless.conf.<classification>.<key>=<value>");
        }
    }

    @Test
    void noOverridesGiveAnEmptySource() {
        assertThat(CommandLineOverrides.from(new Properties()).configurations()).isEmpty();
    }
}
