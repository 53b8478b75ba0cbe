package io.github.emrserverless.maven.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.maven.emulator.ApplicationSpec;
import io.github.emrserverless.maven.emulator.EmrServerlessEmulator;
import io.github.emrserverless.maven.emulator.EmulatorCredentials;
import io.github.emrserverless.maven.session.StartSessionRequest;
import io.github.emrserverless.maven.session.StartSessionRequests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credentials, roles and endpoints as AwsClients puts them together, against the emulator. */
class AwsClientsTest {

    EmrServerlessEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .credentials(new EmulatorCredentials("AKIDSERVER", "server-secret", null))
                .application(ApplicationSpec.started("app"))
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        System.clearProperty("aws.endpointUrlSts");
    }

    AwsSettings settings(AwsSettings.AccessKey key, AwsSettings.AssumeRole role) {
        return new AwsSettings(
                "eu-west-1", null, key, role, emulator.uri(), null, 2, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static StartSessionRequest request() {
        return StartSessionRequests.valid().build();
    }

    @Test
    void aPreparationSendsNothingUntilOpenedAndOpensOnce() {
        System.setProperty("aws.endpointUrlSts", emulator.uri().toString());
        AwsSettings.AssumeRole role =
                new AwsSettings.AssumeRole("arn:aws:iam::123456789012:role/ci", "maven-app", null, null);
        AwsSettings settings = settings(new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "server x"), role);

        try (AwsClients.Preparation unused = AwsClients.prepare(settings)) {
            // a goal that failed on bad input: the preparation is closed unopened
        }
        try (AwsClients.Preparation prepared = AwsClients.prepare(settings)) {
            assertThat(emulator.calls()).isEmpty();
            try (AwsClients clients = prepared.open(d -> {})) {
                assertThat(emulator.calls())
                        .extracting(EmrServerlessEmulator.Call::operation)
                        .containsExactly("AssumeRole");
                clients.sessions().startSession(request());
            }
            assertThatThrownBy(() -> prepared.open(d -> {})).isInstanceOf(IllegalStateException.class);
        }
        assertThat(emulator.calls())
                .extracting(EmrServerlessEmulator.Call::operation)
                .containsExactly("AssumeRole", "StartSession");
    }

    @Test
    void staticKeysFromASettingsServerSignTheRequests() {
        try (AwsClients clients = AwsClients.create(
                settings(new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "server x"), null), d -> {})) {
            clients.sessions().startSession(request());
        }
        assertThat(emulator.callsBy("AKIDSERVER"))
                .extracting(EmrServerlessEmulator.Call::operation)
                .containsExactly("StartSession");
    }

    @Test
    void anAssumedRoleSignsWithTheCredentialsStsIssued() {
        System.setProperty("aws.endpointUrlSts", emulator.uri().toString());
        AwsSettings.AssumeRole role =
                new AwsSettings.AssumeRole("arn:aws:iam::123456789012:role/ci", "maven-app", "ext-1", 900);
        try (AwsClients clients = AwsClients.create(
                settings(new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "server x"), role), d -> {})) {
            clients.sessions().startSession(request());
        }
        List<EmrServerlessEmulator.Call> calls = emulator.calls();
        assertThat(calls)
                .extracting(EmrServerlessEmulator.Call::operation)
                .containsExactly("AssumeRole", "StartSession");
        assertThat(calls.get(0).accessKeyId()).isEqualTo("AKIDSERVER");
        assertThat(calls.get(0).body())
                .contains(
                        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fci",
                        "RoleSessionName=maven-app", "ExternalId=ext-1", "DurationSeconds=900");
        assertThat(calls.get(1).accessKeyId()).startsWith("ASIA");
    }

    @Test
    void aMissingRegionIsReportedClearly() {
        // Surefire points the config files at nothing and sets aws.region; clear it for this call only.
        String region = System.clearProperty("aws.region");
        try {
            AwsSettings settings = new AwsSettings(
                    null,
                    null,
                    new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "x"),
                    null,
                    emulator.uri(),
                    null,
                    1,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            assertThatThrownBy(() -> AwsClients.create(settings, d -> {}))
                    .isInstanceOf(AwsClients.NoRegionException.class)
                    .hasMessageStartingWith("No AWS region found. Set <region> in the plugin configuration");
        } finally {
            System.setProperty("aws.region", region);
        }
    }

    @Test
    void aRoleThatCannotBeAssumedFailsClearlyBeforeAnyEmrServerlessCall() {
        System.setProperty("aws.endpointUrlSts", emulator.uri().toString());
        AwsSettings.AssumeRole role =
                new AwsSettings.AssumeRole("arn:aws:iam::123456789012:user/not-a-role", "maven-app", null, null);
        assertThatThrownBy(() -> AwsClients.create(
                        settings(new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "x"), role), d -> {}))
                .isInstanceOf(NoCredentialsException.class)
                .hasMessageStartingWith(
                        "Could not assume role arn:aws:iam::123456789012:user/not-a-role: AccessDenied: Not authorized")
                .hasMessageEndingWith(
                        "The base credentials need sts:AssumeRole on it, and its trust policy must allow them.");
        assertThat(emulator.calls())
                .extracting(EmrServerlessEmulator.Call::operation)
                .containsExactly("AssumeRole");
    }

    @Test
    void missingCredentialsListTheSourcesTried() {
        // Surefire points the config files at nothing; clear the system-property keys for this call only.
        String id = System.clearProperty("aws.accessKeyId");
        String secret = System.clearProperty("aws.secretAccessKey");
        try {
            assertThatThrownBy(() -> AwsClients.create(settings(null, null), d -> {}))
                    .isInstanceOf(NoCredentialsException.class)
                    .hasMessageStartingWith(
                            "No AWS credentials found. Tried, in order: the Java system properties aws.accessKeyId")
                    .hasMessageEndingWith("Set one of these up, or configure <profile>, <serverId> or <roleArn>.");
        } finally {
            System.setProperty("aws.accessKeyId", id);
            System.setProperty("aws.secretAccessKey", secret);
        }
    }

    @Test
    void requestsGoThroughTheProxyOfTheSettingsWithItsCredentials() throws Exception {
        try (EmrServerlessEmulator proxy = EmrServerlessEmulator.builder()
                .credentials(new EmulatorCredentials("AKIDSERVER", "server-secret", null))
                .application(ApplicationSpec.started("app"))
                .proxyCredentials("proxyuser", "proxypass")
                .start()) {
            // The endpoint is a port nobody listens on: only the proxy can answer.
            AwsSettings settings = new AwsSettings(
                    "eu-west-1",
                    null,
                    new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "x"),
                    null,
                    java.net.URI.create("http://127.0.0.1:1"),
                    new AwsSettings.Proxy(
                            "http",
                            "127.0.0.1",
                            proxy.port(),
                            "proxyuser",
                            "proxypass",
                            "*.internal|other.example.com"),
                    1,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            try (AwsClients clients = AwsClients.create(settings, d -> {})) {
                clients.sessions().startSession(request());
            }
            assertThat(proxy.calls())
                    .extracting(EmrServerlessEmulator.Call::operation)
                    .containsExactly("StartSession");
            assertThat(proxy.proxiedRequests()).contains("Basic cHJveHl1c2VyOnByb3h5cGFzcw==");
        }
    }

    @Test
    void nonProxyHostsBecomeRegularExpressions() {
        assertThat(ProxyConfigurations.nonProxyHostPatterns("*.Example.com| localhost ,10.*"))
                .containsExactly("\\Q\\E.*\\Q.example.com\\E", "\\Qlocalhost\\E", "\\Q10.\\E.*\\Q\\E");
        assertThat("api.example.com")
                .matches(ProxyConfigurations.nonProxyHostPatterns("*.example.com")
                        .iterator()
                        .next());
        assertThat("example.org")
                .doesNotMatch(ProxyConfigurations.nonProxyHostPatterns("*.example.com")
                        .iterator()
                        .next());
        assertThat(ProxyConfigurations.nonProxyHostPatterns(null)).isEmpty();
    }

    @Test
    void aStaticKeyNeverShowsItsSecret() {
        assertThat(new AwsSettings.AccessKey("AKID", "very-secret", "settings.xml server aws").toString())
                .isEqualTo("AccessKey[AKID from settings.xml server aws]");
        assertThat(new AwsSettings.Proxy("http", "proxy", 3128, "me", "pw", null).toString())
                .doesNotContain("pw");
    }
}
