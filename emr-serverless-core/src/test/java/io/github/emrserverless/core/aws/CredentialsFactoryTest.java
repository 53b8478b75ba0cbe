package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

class CredentialsFactoryTest {

    /** Base credentials that say whether they were closed, as the SDK's default chain must be. */
    static final class ClosableBase implements AwsCredentialsProvider, SdkAutoCloseable {
        final AtomicBoolean closed = new AtomicBoolean();

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIDBASE", "base-secret");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void closingARolesCredentialsClosesTheBaseCredentialsItWasBuiltOn() {
        ClosableBase base = new ClosableBase();
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            AwsCredentialsProvider role = CredentialsFactory.assumeRole(
                    new AwsSettings.AssumeRole("arn:aws:iam::123456789012:role/ci", "maven-app", null, null),
                    base,
                    Region.EU_WEST_1,
                    http);

            assertThat(role).isInstanceOf(SdkAutoCloseable.class);
            ((SdkAutoCloseable) role).close();
        }
        assertThat(base.closed).isTrue();
    }

    @Test
    void keysInTheSystemPropertiesEndTheDefaultChainBeforeTheRestOfItIsBuilt() {
        // Surefire sets aws.accessKeyId and aws.secretAccessKey for every test (the parent POM).
        CredentialsFactory.DeferredDefaultChain rest = new CredentialsFactory.DeferredDefaultChain();
        AwsCredentialsProvider chain = CredentialsFactory.defaultChain(rest);

        assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo("AKIDUNITTESTS");
        assertThat(rest.built()).isFalse();
        ((SdkAutoCloseable) chain).close();
        assertThat(rest.built()).as("closing builds nothing").isFalse();
    }

    @Test
    void theSdksDefaultChainIsBuiltOnTheFirstCallThatReachesItAndClosedWithTheChain() {
        CredentialsFactory.DeferredDefaultChain rest = new CredentialsFactory.DeferredDefaultChain();
        assertThat(rest.built()).isFalse();

        assertThat(rest.resolveCredentials().accessKeyId()).isEqualTo("AKIDUNITTESTS");
        assertThat(rest.built()).isTrue();
        rest.close();
    }

    @Test
    void whenTheFirstLinksFindNothingTheRestOfTheChainAnswers() {
        String id = System.clearProperty("aws.accessKeyId");
        String secret = System.clearProperty("aws.secretAccessKey");
        try {
            AwsCredentialsProvider rest = () -> AwsBasicCredentials.create("AKIDREST", "rest-secret");
            AwsCredentialsProvider chain = CredentialsFactory.defaultChain(rest);
            String expected =
                    System.getenv("AWS_ACCESS_KEY_ID") == null ? "AKIDREST" : System.getenv("AWS_ACCESS_KEY_ID");

            assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo(expected);
        } finally {
            System.setProperty("aws.accessKeyId", id);
            System.setProperty("aws.secretAccessKey", secret);
        }
    }
}
