package io.github.emrserverless.core.aws;

import java.nio.file.Path;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.Lazy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Picks the credentials the way the AWS CLI would: static keys from a settings.xml server, else the named
 * profile, else the SDK's default chain; then, with a role, STS AssumeRole on top of those.
 */
final class CredentialsFactory {

    private CredentialsFactory() {}

    static AwsCredentialsProvider create(AwsSettings settings, Region region, SdkHttpClient http) {
        AwsCredentialsProvider base;
        if (settings.accessKey() != null) {
            base = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKey().accessKeyId(), settings.accessKey().secretAccessKey()));
        } else if (settings.profile() != null) {
            base = ProfileCredentialsProvider.builder()
                    .profileName(settings.profile())
                    .build();
        } else {
            base = new DefaultChain();
        }
        return settings.assumeRole() == null ? base : assumeRole(settings.assumeRole(), base, region, http);
    }

    /**
     * The SDK's default chain, its first two links tried before the rest is built: on its first call the SDK's chain
     * sets up every link (web identity, profile file, container and instance metadata with their JSON parser, about
     * 25 ms of a cold JVM's start), while keys in the system properties or the environment, as most CI jobs have
     * them, end the search at its first links. The order stays the SDK's, and so does the failure: when the first
     * links find nothing, the whole chain is asked and says what it tried.
     */
    static final class DefaultChain implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AwsCredentialsProvider first = AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create())
                .build();
        private final Lazy<AwsCredentialsProvider> chain;

        DefaultChain() {
            this(() -> DefaultCredentialsProvider.builder().build());
        }

        /** @param whole the whole chain, built when the first links find nothing */
        DefaultChain(Supplier<AwsCredentialsProvider> whole) {
            this.chain = new Lazy<>(whole);
        }

        @Override
        public AwsCredentials resolveCredentials() {
            if (!chain.hasValue()) {
                try {
                    return first.resolveCredentials();
                } catch (SdkClientException notThere) {
                    // The whole chain tries these links again and names every link in its failure.
                }
            }
            return chain.getValue().resolveCredentials();
        }

        boolean built() {
            return chain.hasValue();
        }

        @Override
        public void close() {
            if (chain.hasValue()) {
                IoUtils.closeIfCloseableV2(chain.getValue(), null);
            }
        }

        @Override
        public String toString() {
            return "DefaultCredentialsProvider";
        }
    }

    static AwsCredentialsProvider assumeRole(
            AwsSettings.AssumeRole role, AwsCredentialsProvider base, Region region, SdkHttpClient http) {
        // The STS endpoint follows the SDK's rules, AWS_ENDPOINT_URL_STS included.
        StsClient sts = StsClient.builder()
                .region(region)
                .credentialsProvider(base)
                .httpClient(http)
                .build();
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> r.roleArn(role.roleArn())
                        .roleSessionName(role.sessionName())
                        .externalId(role.externalId())
                        .durationSeconds(role.durationSeconds()))
                .build();
        return new AssumedRole(assumed, sts, base);
    }

    /** A role's credentials; closing closes the STS client and base credentials too, which the SDK's provider leaves open. */
    record AssumedRole(StsAssumeRoleCredentialsProvider provider, StsClient sts, AwsCredentialsProvider base)
            implements AwsCredentialsProvider, SdkAutoCloseable {

        @Override
        public AwsCredentials resolveCredentials() {
            return provider.resolveCredentials();
        }

        @Override
        public void close() {
            IoUtils.closeQuietlyV2(provider, null);
            IoUtils.closeQuietlyV2(sts, null);
            IoUtils.closeQuietlyV2(base instanceof SdkAutoCloseable closeable ? closeable : null, null);
        }
    }

    /** Resolves the credentials now, so that a missing or rejected one fails with one clear message. */
    static void check(AwsCredentialsProvider credentials, AwsSettings settings) {
        try {
            credentials.resolveCredentials();
        } catch (AwsServiceException e) {
            throw new NoCredentialsException(
                    "Could not assume role " + settings.assumeRole().roleArn() + ": "
                            + (e.awsErrorDetails() == null
                                    ? e.getMessage()
                                    : e.awsErrorDetails().errorCode() + ": "
                                            + e.awsErrorDetails().errorMessage())
                            + ". The base credentials need sts:AssumeRole on it, and its trust policy must allow them"
                            + (settings.assumeRole().externalId() == null ? "." : " with this <externalId>."),
                    e);
        } catch (SdkException e) {
            throw new NoCredentialsException(describeMissing(settings, e), e);
        }
    }

    private static String describeMissing(AwsSettings settings, SdkException e) {
        if (settings.profile() != null) {
            return "No AWS credentials from profile '" + settings.profile() + "' (" + firstSentence(e.getMessage())
                    + "). Check the profile in " + home(".aws/config") + " and " + home(".aws/credentials")
                    + " (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE); for an SSO profile, run aws sso login.";
        }
        return "No AWS credentials found. Tried, in order: the Java system properties aws.accessKeyId and"
                + " aws.secretAccessKey; the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; a web"
                + " identity token (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as GitHub Actions OIDC and EKS set);"
                + " the default profile in " + home(".aws/credentials") + " and " + home(".aws/config")
                + " (SSO included); container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI or _RELATIVE_URI); EC2"
                + " instance metadata. Set one of these up, or configure <profile>, <serverId> or <roleArn>.";
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "no details";
        }
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end);
    }

    private static String home(String relative) {
        return Path.of("~").resolve(relative).toString();
    }
}
