package io.github.emrserverless.maven.aws;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.maven.config.InvalidConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-gov-west-1", "cn-north-1", "ap-southeast-5", "us-isob-east-1"})
    void acceptsRegionIds(String region) {
        assertThatCode(() -> AwsSettings.validateRegion(region, p -> "POM <" + p + ">")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU-WEST-1", "eu west 1", "eu-west", "ireland", "eu-west-1a", ""})
    void rejectsOtherTextNamingTheSource(String region) {
        assertThatThrownBy(() -> AwsSettings.validateRegion(region, p -> "-Demr-serverless." + p))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Invalid <region> '" + region + "' (from -Demr-serverless.region); allowed: an AWS region id such as eu-west-1 or us-gov-west-1.");
    }
}
