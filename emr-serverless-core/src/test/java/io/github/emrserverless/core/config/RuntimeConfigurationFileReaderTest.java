package io.github.emrserverless.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigurationFileReaderTest {

    @TempDir
    Path dir;

    final List<String> warnings = new ArrayList<>();
    final RuntimeConfigurationFileReader reader = new RuntimeConfigurationFileReader(warnings::add);

    Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("conf.json"), json);
    }

    @Test
    void readsAJsonArrayOfConfigurations() throws IOException {
        ConfigurationSource source = reader.read(file("""
                [{"classification": "spark-defaults", "properties": {"spark.executor.memory": "4g"},
                  "configurations": [{"classification": "nested", "properties": {"k": "v"}}]}]
                """));

        assertThat(source.label()).isEqualTo("file " + dir.resolve("conf.json"));
        assertThat(source.configurations())
                .containsExactly(new Configuration(
                        "spark-defaults",
                        Map.of("spark.executor.memory", "4g"),
                        List.of(Configuration.of("nested", Map.of("k", "v")))));
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsTheStartSessionOverridesShape() throws IOException {
        ConfigurationSource source = reader.read(file("""
                {"runtimeConfiguration": [{"classification": "spark-defaults", "properties": {"a": "1"}}]}
                """));
        assertThat(source.configurations()).containsExactly(Configuration.of("spark-defaults", Map.of("a", "1")));
    }

    @Test
    void readsTheStartJobRunShapeAndWarnsAboutWhatSessionsIgnore() throws IOException {
        ConfigurationSource source = reader.read(file("""
                {"applicationConfiguration": [{"classification": "spark-defaults", "properties": {"a": "1"}}],
                 "monitoringConfiguration": {"s3MonitoringConfiguration": {"logUri": "s3://logs/"}}}
                """));

        assertThat(source.configurations()).containsExactly(Configuration.of("spark-defaults", Map.of("a", "1")));
        assertThat(warnings)
                .containsExactly("Ignoring monitoringConfiguration in " + dir.resolve("conf.json")
                        + ": sessions take only runtime configuration.");
    }

    @Test
    void unknownMemberInAConfigurationNamesFileLineAndMember() throws IOException {
        Path path = file("""
                [
                  {"classification": "spark-defaults",
                   "propertys": {"a": "1"}}
                ]
                """);
        assertThatThrownBy(() -> reader.read(path))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid <runtimeConfigurationFiles> entry " + path + ", line 3, column ")
                .hasMessageEndingWith(
                        ": unknown member 'propertys' in a configuration; allowed: classification, properties, configurations.");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        Path path = file("[\n {\"classification\": \"spark-defaults\",,}\n]");
        assertThatThrownBy(() -> reader.read(path))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid <runtimeConfigurationFiles> entry " + path + ", line 2, column ");
    }

    @Test
    void aSyntaxErrorNamesLineAndColumnButNeverEchoesTheFile() throws IOException {
        String token = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl";
        Path path =
                file("[{\"classification\": \"spark-defaults\",\n \"properties\": {\"spark.auth\": " + token + "}}]");

        assertThatThrownBy(() -> reader.read(path))
                .hasMessage(
                        "Invalid <runtimeConfigurationFiles> entry " + path
                                + ", line 2, column 31: not valid JSON here (the file's text is not repeated in messages, as it may hold secrets).")
                .hasNoCause()
                .satisfies(e -> assertThat(e.toString()).doesNotContain("eyJ"));
    }

    @Test
    void aFileOverOneMebibyteIsRefusedBeforeParsing() throws IOException {
        Path path = file("[" + " ".repeat(1024 * 1024) + "]");

        assertThatThrownBy(() -> reader.read(path))
                .hasMessage("Invalid <runtimeConfigurationFiles> entry " + path
                        + ": it has 1048578 bytes; allowed: at most 1 MiB (1048576 bytes).");
    }

    @Test
    void numbersAreNotSilentlyTurnedIntoStrings() throws IOException {
        Path path =
                file("[{\"classification\": \"spark-defaults\", \"properties\": {\"spark.executor.instances\": 2}}]");
        assertThatThrownBy(() -> reader.read(path))
                .hasMessage(
                        "Invalid <runtimeConfigurationFiles> entry " + path
                                + ", line 1, column 82: property 'spark.executor.instances' must be a JSON string, not a number.");
    }

    @Test
    void wronglyTypedMembersSayWhatTheyMustBe() throws IOException {
        Path properties = file("[{\"classification\": \"a\", \"properties\": [\"k=v\"]}]");
        assertThatThrownBy(() -> reader.read(properties))
                .hasMessageEndingWith(": properties must be a JSON object of string values, not an array.");
        Path classification = file("[{\"classification\": true}]");
        assertThatThrownBy(() -> reader.read(classification))
                .hasMessageEndingWith(": classification must be a JSON string, not a boolean.");
        Path entry = file("[\"spark-defaults\"]");
        assertThatThrownBy(() -> reader.read(entry))
                .hasMessageEndingWith(
                        ": a configuration must be a JSON object with classification, properties, configurations, not a string.");
        Path nested = file("[{\"classification\": \"a\", \"configurations\": {}}]");
        assertThatThrownBy(() -> reader.read(nested))
                .hasMessageEndingWith(": configurations must be a JSON array of configurations, not an object.");
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        Path path = file("[{\"classification\": \"a\", \"properties\": {\"k\": \"1\", \"k\": \"2\"}}]");
        assertThatThrownBy(() -> reader.read(path))
                .hasMessageEndingWith("Duplicate field 'k': a member may appear once.");
    }

    @Test
    void wrongShapesSayWhatIsExpected() throws IOException {
        Path object = file("{\"configurations\": []}");
        assertThatThrownBy(() -> reader.read(object))
                .hasMessageEndingWith(
                        "expected a JSON array of configurations, or an object with runtimeConfiguration or applicationConfiguration.");
        Path both = file("{\"runtimeConfiguration\": [], \"applicationConfiguration\": []}");
        assertThatThrownBy(() -> reader.read(both))
                .hasMessageEndingWith("it has both runtimeConfiguration and applicationConfiguration; keep one.");
        Path notList = file("{\"runtimeConfiguration\": {}}");
        assertThatThrownBy(() -> reader.read(notList))
                .hasMessageContaining("runtimeConfiguration (line 1) must be a JSON array");
        Path scalar = file("\"spark\"");
        assertThatThrownBy(() -> reader.read(scalar)).hasMessageContaining("expected a JSON array");
        Path trailing = file("[] []");
        assertThatThrownBy(() -> reader.read(trailing)).hasMessageContaining("unexpected content after the end");
    }

    @Test
    void emptyAndMissingFilesAreNamed() throws IOException {
        Path empty = file("");
        assertThatThrownBy(() -> reader.read(empty)).hasMessageContaining(empty + ": expected a JSON array");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> reader.read(missing))
                .hasMessage("Invalid <runtimeConfigurationFiles> entry " + missing + ": no such file.");
    }
}
