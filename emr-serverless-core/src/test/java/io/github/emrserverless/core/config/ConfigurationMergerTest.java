package io.github.emrserverless.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationMergerTest {

    final ConfigurationMerger merger = new ConfigurationMerger();

    static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static ConfigurationSource source(String label, Configuration... configurations) {
        return new ConfigurationSource(label, List.of(configurations));
    }

    @Test
    void laterSourcesWinKeyByKeyAndKeysKeepTheirFirstPosition() {
        List<Configuration> merged = merger.merge(List.of(
                source("file", Configuration.of("spark-defaults", props("a", "1", "b", "1"))),
                source("pom", Configuration.of("spark-defaults", props("c", "2", "a", "2")))));

        assertThat(merged).containsExactly(Configuration.of("spark-defaults", props("a", "2", "b", "1", "c", "2")));
        assertThat(merged.get(0).properties().keySet()).containsExactly("a", "b", "c");
    }

    @Test
    void classificationsMatchByExactNameInFirstAppearanceOrder() {
        List<Configuration> merged = merger.merge(List.of(
                source(
                        "file",
                        Configuration.of("spark-defaults", props("a", "1")),
                        Configuration.of("spark-env", props("e", "1"))),
                source(
                        "pom",
                        Configuration.of("Spark-Defaults", props("a", "2")),
                        Configuration.of("spark-defaults", props("b", "2")))));

        assertThat(merged)
                .extracting(Configuration::classification)
                .containsExactly("spark-defaults", "spark-env", "Spark-Defaults");
        assertThat(merged.get(0).properties()).isEqualTo(props("a", "1", "b", "2"));
    }

    @Test
    void nestedConfigurationsMergeByTheSameRule() {
        Configuration lower = new Configuration(
                "spark-env",
                Map.of(),
                List.of(Configuration.of("export", props("JAVA_HOME", "/usr/lib/jvm/17", "X", "1"))));
        Configuration higher = new Configuration(
                "spark-env",
                Map.of(),
                List.of(
                        Configuration.of("export", props("JAVA_HOME", "/usr/lib/jvm/21")),
                        Configuration.of("other", props("y", "2"))));

        List<Configuration> merged = merger.merge(List.of(source("file", lower), source("-D", higher)));

        assertThat(merged)
                .containsExactly(new Configuration(
                        "spark-env",
                        Map.of(),
                        List.of(
                                Configuration.of("export", props("JAVA_HOME", "/usr/lib/jvm/21", "X", "1")),
                                Configuration.of("other", props("y", "2")))));
    }

    @Test
    void classificationsLeftEmptyAreDroppedAtEveryLevel() {
        List<Configuration> merged = merger.merge(List.of(source(
                "pom",
                Configuration.of("empty", Map.of()),
                new Configuration("spark-env", Map.of(), List.of(Configuration.of("export", Map.of()))),
                Configuration.of("kept", props("k", "v")))));

        assertThat(merged).containsExactly(Configuration.of("kept", props("k", "v")));
    }

    @Test
    void noSourcesMergeToNothing() {
        assertThat(merger.merge(List.of())).isEmpty();
    }

    @Test
    void summaryNamesTheSourceOfEveryWinningValueInPrecedenceOrder() {
        List<ConfigurationSource> sources = List.of(
                source("file a.json", Configuration.of("spark-defaults", props("a", "1", "b", "1"))),
                source("POM <sparkProperties>", Configuration.of("spark-defaults", props("b", "2"))),
                source(
                        "-D",
                        Configuration.of("spark-defaults", props("c", "3")),
                        Configuration.of("spark-env", props("e", "3"))));

        MergedConfiguration merged = new MergedConfiguration(merger.merge(sources), sources);

        assertThat(merged.summary())
                .containsExactly(
                        "spark-defaults: 3 properties (file a.json: 1, POM <sparkProperties>: 1, -D: 1)",
                        "spark-env: 1 property (-D: 1)");
    }
}
