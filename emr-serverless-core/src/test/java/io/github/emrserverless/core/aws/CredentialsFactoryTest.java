package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
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
        CredentialsFactory.DefaultChain chain = new CredentialsFactory.DefaultChain();

        assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo("AKIDUNITTESTS");
        assertThat(chain.built()).isFalse();
        chain.close();
        assertThat(chain.built()).as("closing builds nothing").isFalse();
    }

    @Test
    void whenTheFirstLinksFindNothingTheWholeChainAnswersAndIsClosedWithIt() {
        String id = System.clearProperty("aws.accessKeyId");
        String secret = System.clearProperty("aws.secretAccessKey");
        ClosableBase whole = new ClosableBase();
        try (CredentialsFactory.DefaultChain chain = new CredentialsFactory.DefaultChain(() -> whole)) {
            String environment = System.getenv("AWS_ACCESS_KEY_ID");

            // Keys in this machine's environment are the chain's second link, and still come first.
            assertThat(chain.resolveCredentials().accessKeyId())
                    .isEqualTo(environment == null ? "AKIDBASE" : environment);
            assertThat(chain.built()).isEqualTo(environment == null);
        } finally {
            System.setProperty("aws.accessKeyId", id);
            System.setProperty("aws.secretAccessKey", secret);
        }
        assertThat(whole.closed.get()).isEqualTo(System.getenv("AWS_ACCESS_KEY_ID") == null);
    }

    @Test
    void withoutKeysTheFailureIsTheWholeChainsOwn() {
        String id = System.clearProperty("aws.accessKeyId");
        String secret = System.clearProperty("aws.secretAccessKey");
        AwsCredentialsProvider whole = () -> {
            throw SdkClientException.create("the whole chain tried six links");
        };
        try (CredentialsFactory.DefaultChain chain = new CredentialsFactory.DefaultChain(() -> whole)) {
            if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
                assertThatThrownBy(chain::resolveCredentials).hasMessage("the whole chain tried six links");
            } else {
                assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo(System.getenv("AWS_ACCESS_KEY_ID"));
            }
        } finally {
            System.setProperty("aws.accessKeyId", id);
            System.setProperty("aws.secretAccessKey", secret);
        }
    }
}
