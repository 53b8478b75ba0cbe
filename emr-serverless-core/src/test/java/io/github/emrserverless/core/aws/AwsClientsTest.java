package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.ConnectProxy;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.emulator.EmulatorCredentials;
import io.github.emrserverless.core.emulator.TlsFiles;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    static final String PROXY_ONLY_HOST = "emr.proxy-only.test";

    /** An https emulator under a name only the proxy resolves, behind a proxy that wants Basic credentials. */
    record ProxiedHttps(EmrServerlessEmulator emulator, ConnectProxy proxy, ByteArrayOutputStream requestLog)
            implements AutoCloseable {

        static ProxiedHttps start(Path dir) throws Exception {
            TlsFiles tls = TlsFiles.create(dir, PROXY_ONLY_HOST);
            ByteArrayOutputStream requestLog = new ByteArrayOutputStream();
            EmrServerlessEmulator emulator = EmrServerlessEmulator.builder()
                    .credentials(new EmulatorCredentials("AKIDSERVER", "server-secret", null))
                    .application(ApplicationSpec.started("app"))
                    .https(tls.serverContext())
                    .logRequests(new PrintStream(requestLog, true, StandardCharsets.UTF_8))
                    .start();
            ConnectProxy proxy = ConnectProxy.start(
                    "proxyuser",
                    "proxypass",
                    Map.of(PROXY_ONLY_HOST, new InetSocketAddress(InetAddress.getLoopbackAddress(), emulator.port())));
            // The plugin trusts what the JVM trusts: here, the emulator's certificate.
            System.setProperty("javax.net.ssl.trustStore", tls.trustStore().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", TlsFiles.PASSWORD);
            return new ProxiedHttps(emulator, proxy, requestLog);
        }

        URI endpoint() {
            return URI.create("https://" + PROXY_ONLY_HOST + ":" + emulator.port());
        }

        AwsSettings settings(String password, AwsSettings.AssumeRole role) {
            return new AwsSettings(
                    "eu-west-1",
                    null,
                    new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "x"),
                    role,
                    endpoint(),
                    new AwsSettings.Proxy(
                            "corp-proxy", "http", "127.0.0.1", proxy.port(), "proxyuser", password, "*.internal"),
                    1,
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10));
        }

        @Override
        public void close() throws Exception {
            System.clearProperty("javax.net.ssl.trustStore");
            System.clearProperty("javax.net.ssl.trustStorePassword");
            proxy.close();
            emulator.close();
        }
    }

    @Test
    void anHttpsEndpointIsReachedThroughAnAuthenticatingProxyThatAloneSeesTheCredentials(@TempDir Path dir)
            throws Exception {
        try (ProxiedHttps setup = ProxiedHttps.start(dir)) {
            System.setProperty("aws.endpointUrlSts", setup.endpoint().toString());
            AwsSettings.AssumeRole role =
                    new AwsSettings.AssumeRole("arn:aws:iam::123456789012:role/ci", "maven-app", null, null);

            try (AwsClients clients = AwsClients.create(setup.settings("proxypass", role), d -> {})) {
                clients.sessions().startSession(request());
            }

            // STS and EMR Serverless both went through authenticated CONNECTs to the name only the proxy knows.
            assertThat(setup.emulator().calls())
                    .extracting(EmrServerlessEmulator.Call::operation)
                    .containsExactly("AssumeRole", "StartSession");
            List<ConnectProxy.Received> connects = setup.proxy().received();
            assertThat(connects)
                    .isNotEmpty()
                    .allSatisfy(r -> assertThat(r.requestLine()).startsWith("CONNECT " + PROXY_ONLY_HOST + ":"));
            assertThat(connects)
                    .anySatisfy(
                            r -> assertThat(r.proxyAuthorization()).isEqualTo("Basic cHJveHl1c2VyOnByb3h5cGFzcw=="));
            // ... and the service never saw them.
            String requests = setup.requestLog().toString(StandardCharsets.UTF_8);
            assertThat(requests).contains("REQUEST POST /applications/app/sessions");
            assertThat(requests.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("proxy-authorization")
                    .doesNotContain("cHJveHl1c2VyOnByb3h5cGFzcw".toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void refusedProxyCredentialsFailWithOneMessageNamingTheProxy(@TempDir Path dir) throws Exception {
        try (ProxiedHttps setup = ProxiedHttps.start(dir);
                AwsClients clients = AwsClients.create(setup.settings("wrong", null), d -> {})) {
            assertThatThrownBy(() -> clients.sessions().startSession(request()))
                    .hasMessageContaining("answered 407 Proxy Authentication Required")
                    .hasMessageContaining("settings.xml <proxy> corp-proxy")
                    .hasMessageContaining("refused the <username> and <password>");
            assertThat(setup.emulator().calls()).isEmpty();
        }
    }

    @Test
    void aLoopbackEndpointNeverGoesThroughTheProxy() throws Exception {
        try (ConnectProxy proxy = ConnectProxy.start("proxyuser", "proxypass", Map.of())) {
            AwsSettings settings = new AwsSettings(
                    "eu-west-1",
                    null,
                    new AwsSettings.AccessKey("AKIDSERVER", "server-secret", "x"),
                    null,
                    emulator.uri(),
                    new AwsSettings.Proxy(
                            "corp-proxy", "http", "127.0.0.1", proxy.port(), "proxyuser", "proxypass", null),
                    1,
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5));
            try (AwsClients clients = AwsClients.create(settings, d -> {})) {
                clients.sessions().startSession(request());
            }
            assertThat(emulator.callsBy("AKIDSERVER"))
                    .extracting(EmrServerlessEmulator.Call::operation)
                    .containsExactly("StartSession");
            assertThat(proxy.received()).isEmpty();
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
        assertThat(new AwsSettings.Proxy("corp", "http", "proxy", 3128, "me", "pw", null).toString())
                .doesNotContain("pw");
    }
}
