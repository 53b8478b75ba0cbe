package io.github.emrserverless.core.aws;

import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.Sleeper;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/** Session APIs for tests: eu-west-1, the SDK's standard retries, no sleeping between them unless asked. */
public final class SessionApis {

    private final URI endpoint;
    private final SdkHttpClient http;
    private AwsCredentialsProvider credentials =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTS", "secret"));
    private int maxAttempts = 3;
    private Sleeper sleeper = d -> {};

    private SessionApis(URI endpoint, SdkHttpClient http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    public static SessionApis against(URI endpoint, SdkHttpClient http) {
        return new SessionApis(endpoint, http);
    }

    /** The emulator keeps each access key's sessions apart. */
    public SessionApis accessKey(String accessKeyId, String secretAccessKey) {
        return credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
    }

    public SessionApis credentials(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
        return this;
    }

    public SessionApis maxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    public SessionApis sleeper(Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    public SessionApi build() {
        return new HttpSessionApi(
                http,
                credentials,
                Region.EU_WEST_1,
                endpoint,
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .build(),
                Json.create(),
                sleeper);
    }
}
