package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedParametersTest {

    static final ParameterOrigin POM = p -> "POM <" + p + ">";
    static final ParameterOrigin COMMAND_LINE = p -> "-Demr-serverless." + p;

    static SharedParameters withRegion(String region) {
        return new SharedParameters("app", region, null, null, null, null, null, null, 5, "10s", "60s", "my-app");
    }

    static SharedParameters withEndpoint(String endpoint) {
        return new SharedParameters("app", null, null, endpoint, null, null, null, null, 5, "10s", "60s", "my-app");
    }

    static AwsSettings check(SharedParameters parameters, ParameterOrigin origin) {
        return parameters.check(origin, () -> null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-gov-west-1", "cn-north-1", "ap-southeast-5", "us-isob-east-1"})
    void acceptsRegionIds(String region) {
        assertThat(check(withRegion(region), POM).region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU-WEST-1", "eu west 1", "eu-west", "ireland", "eu-west-1a"})
    void rejectsOtherRegionTextNamingTheSource(String region) {
        assertThatThrownBy(() -> check(withRegion(region), COMMAND_LINE))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Invalid <region> '" + region
                                + "' (from -Demr-serverless.region); allowed: an AWS region id such as eu-west-1 or us-gov-west-1.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://emr-serverless.eu-west-1.amazonaws.com",
                "https://proxy.example.com:8443/emr",
                "http://127.0.0.1:8080",
                "http://localhost:9000",
                "http://[::1]:8080",
                "http://127.0.0.2"
            })
    void acceptsHttpsAndLoopbackHttpEndpoints(String endpoint) {
        assertThat(check(withEndpoint(endpoint), POM).endpoint()).isEqualTo(URI.create(endpoint));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://emr.example.com",
                "http://10.0.0.1:8080",
                "ftp://127.0.0.1",
                "emr-serverless.eu-west-1.amazonaws.com",
                "https://",
                "https://host/path?query=1",
                "http://localhost.example.com"
            })
    void rejectsEveryOtherEndpointNamingTheSource(String endpoint) {
        assertThatThrownBy(() -> check(withEndpoint(endpoint), COMMAND_LINE))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Invalid <endpoint> '" + endpoint
                        + "' (from -Demr-serverless.endpoint); allowed: an absolute https URL");
    }

    @Test
    void theRoleSessionNameDefaultsToTheArtifact() {
        SharedParameters parameters = new SharedParameters(
                "app",
                null,
                null,
                null,
                "arn:aws:iam::123456789012:role/ci",
                null,
                null,
                null,
                5,
                "10s",
                "60s",
                "my app");
        assertThat(check(parameters, POM).assumeRole().sessionName()).isEqualTo("maven-my-app");
    }

    @Test
    void aMissingApplicationComesFirstAndSaysHowToSetIt() {
        SharedParameters parameters =
                new SharedParameters(null, "EU", null, null, null, null, null, null, 0, "x", "y", "a");
        assertThatThrownBy(() -> check(parameters, POM))
                .hasMessage("Missing <applicationId>. Pass -Demr-serverless.applicationId=<id>.");
    }

    @Test
    void timeoutsAreParsedWithTheDurationSyntax() {
        AwsSettings settings = check(withRegion(null), POM);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
