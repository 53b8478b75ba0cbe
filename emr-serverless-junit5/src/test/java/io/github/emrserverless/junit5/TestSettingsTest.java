package io.github.emrserverless.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.start.StartSessionValidator;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A system property beats the environment, which beats the test resource; errors name the source. */
class TestSettingsTest {

    @Test
    void theNearestSourceWinsAndIsNamed() {
        Properties resource = new Properties();
        resource.setProperty("applicationId", "from-resource");
        resource.setProperty("region", "eu-west-1");
        resource.setProperty("executionRoleArn", "arn:aws:iam::123456789012:role/r");
        TestSettings settings = new TestSettings(
                Map.of("emr-serverless.applicationId", "from-property")::get,
                Map.of("EMR_SERVERLESS_APPLICATION_ID", "from-env", "EMR_SERVERLESS_REGION", "us-east-1"),
                resource);

        assertThat(settings.get("applicationId")).isEqualTo("from-property");
        assertThat(settings.of("applicationId")).isEqualTo("-Demr-serverless.applicationId");
        assertThat(settings.get("region")).isEqualTo("us-east-1");
        assertThat(settings.of("region")).isEqualTo("environment variable EMR_SERVERLESS_REGION");
        assertThat(settings.get("executionRoleArn")).isEqualTo("arn:aws:iam::123456789012:role/r");
        assertThat(settings.of("executionRoleArn"))
                .isEqualTo("executionRoleArn in the test resource emr-serverless.properties");
        assertThat(settings.get("reuse", "true")).isEqualTo("true");
        assertThat(settings.of("reuse")).isEqualTo("the extension's default for reuse");
    }

    @Test
    void aBlankValueCountsAsUnset() {
        TestSettings settings =
                new TestSettings(Map.of("emr-serverless.applicationId", " ")::get, Map.of(), new Properties());
        assertThat(settings.get("applicationId")).isNull();
        assertThat(TestSettings.variable("idleTimeoutMinutes")).isEqualTo("EMR_SERVERLESS_IDLE_TIMEOUT_MINUTES");
    }

    @Test
    void aMissingParameterIsToldTheWaysATestRunReadsIt() {
        TestSettings settings = new TestSettings(Map.<String, String>of()::get, Map.of(), new Properties());
        StartSessionRequest noRole = StartSessionRequest.builder()
                .applicationId("00fabcdefghijk01")
                .clientToken("token")
                .build();

        assertThatThrownBy(() -> new StartSessionValidator(settings).validate(noRole))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Missing <executionRoleArn>. Set it for the test run:"
                        + " -Demr-serverless.executionRoleArn=arn:aws:iam::123456789012:role/my-session-role (a system"
                        + " property), EMR_SERVERLESS_EXECUTION_ROLE_ARN (an environment variable) or executionRoleArn"
                        + " in the test resource emr-serverless.properties.");
    }
}
