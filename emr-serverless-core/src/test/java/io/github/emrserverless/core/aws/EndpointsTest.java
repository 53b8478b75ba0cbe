package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

class EndpointsTest {

    @Test
    void regionalEndpointsComeFromTheSdkRules() {
        assertThat(Endpoints.regional(Region.EU_WEST_1, null))
                .hasToString("https://emr-serverless.eu-west-1.amazonaws.com");
        assertThat(Endpoints.regional(Region.CN_NORTH_1, null))
                .hasToString("https://emr-serverless.cn-north-1.amazonaws.com.cn");
    }

    @Test
    void fipsAndDualStackSettingsApplyAsForTheSdkClient() {
        System.setProperty("aws.useFipsEndpoint", "true");
        try {
            assertThat(Endpoints.regional(Region.US_EAST_1, null))
                    .hasToString("https://emr-serverless-fips.us-east-1.amazonaws.com");
        } finally {
            System.clearProperty("aws.useFipsEndpoint");
        }
        System.setProperty("aws.useDualstackEndpoint", "true");
        try {
            assertThat(Endpoints.regional(Region.US_EAST_1, null))
                    .hasToString("https://emr-serverless.us-east-1.api.aws");
        } finally {
            System.clearProperty("aws.useDualstackEndpoint");
        }
    }

    @Test
    void callsGoWhereTheSdkClientWouldSendThem() {
        assertThat(Endpoints.resolve(Region.EU_WEST_1, null, null))
                .hasToString("https://emr-serverless.eu-west-1.amazonaws.com");
        for (String property : new String[] {"aws.endpointUrlEmrServerless", "aws.endpointUrl"}) {
            System.setProperty(property, "https://emr.example.com:8443");
            try (EmrServerlessClient sdk = EmrServerlessClient.builder()
                    .region(Region.EU_WEST_1)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .build()) {
                URI configured = Endpoints.resolve(Region.EU_WEST_1, null, null);
                assertThat(configured).hasToString("https://emr.example.com:8443");
                assertThat(sdk.serviceClientConfiguration().endpointOverride()).contains(configured);
                assertThat(Endpoints.resolve(Region.EU_WEST_1, URI.create("http://127.0.0.1:9000"), null))
                        .as("the <endpoint> parameter comes first")
                        .hasToString("http://127.0.0.1:9000");
            } finally {
                System.clearProperty(property);
            }
        }
    }

    @Test
    void everyConfiguredEndpointMustBeHttpsUnlessItIsLoopback() {
        for (String property : new String[] {"aws.endpointUrlEmrServerless", "aws.endpointUrl", "aws.endpointUrlSts"}) {
            System.setProperty(property, "http://emr.example.com:8080");
            try {
                assertThatThrownBy(() -> Endpoints.resolve(Region.EU_WEST_1, null, null))
                        .isInstanceOf(InvalidConfigurationException.class)
                        .hasMessageStartingWith("Invalid endpoint 'http://emr.example.com:8080' (from ")
                        .hasMessageContaining(
                                property.equals("aws.endpointUrlSts") ? "aws.endpointUrlSts" : "aws.endpointUrl")
                        .hasMessageEndingWith("or http only for a loopback host such as http://127.0.0.1:8080.");
                System.setProperty(property, "http://127.0.0.1:8080");
                assertThat(Endpoints.resolve(Region.EU_WEST_1, null, null)).isNotNull();
            } finally {
                System.clearProperty(property);
            }
        }
    }
}
