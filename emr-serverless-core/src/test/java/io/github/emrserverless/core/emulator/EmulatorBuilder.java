package io.github.emrserverless.core.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** How an {@link EmrServerlessEmulator} behaves: its credentials, applications, timings, faults and transport. */
public final class EmulatorBuilder {
    final Map<String, EmulatorCredentials> credentials = new HashMap<>();
    final List<ApplicationSpec> applications = new ArrayList<>();
    String anyKeySecret;
    int port;
    long seed = 42;
    Duration terminateDelay = Duration.ofMillis(300);
    int pageSize = 50;
    String proxyAuthorization;
    Clock clock = Clock.systemUTC();
    String region = "eu-west-1";
    PrintStream requestLog;
    final List<String> accounts = new ArrayList<>();
    SSLContext tls;
    final Map<String, Duration> startAnswerDelays = new HashMap<>();
    final Map<String, SparkConnectEndpoint> sparkConnect = new HashMap<>();

    public EmulatorBuilder credentials(EmulatorCredentials accepted) {
        credentials.put(accepted.accessKeyId(), accepted);
        return this;
    }

    /** Accepts any access key id signed with this secret (so each test can use its own key id). */
    public EmulatorBuilder anyAccessKeyWithSecret(String secret) {
        this.anyKeySecret = secret;
        return this;
    }

    public EmulatorBuilder application(ApplicationSpec spec) {
        applications.add(spec);
        return this;
    }

    public EmulatorBuilder port(int port) {
        this.port = port;
        return this;
    }

    public EmulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public EmulatorBuilder terminateDelay(Duration delay) {
        this.terminateDelay = delay;
        return this;
    }

    /** The most a ListSessions page holds (the service's own limit is unspecified): maxResults asks for up to 50. */
    public EmulatorBuilder pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** As a proxy, demand these Basic credentials (answering 407 without them). */
    public EmulatorBuilder proxyCredentials(String username, String password) {
        this.proxyAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Callers whose access key ends with this suffix form an account of their own: they see their own copy of
     * every application (its state included), as separate AWS accounts would.
     */
    public EmulatorBuilder account(String accessKeySuffix) {
        accounts.add(accessKeySuffix);
        return this;
    }

    /** StartSession of this application creates the session at once and answers only after {@code delay}. */
    public EmulatorBuilder delayStartAnswer(String applicationId, Duration delay) {
        startAnswerDelays.put(applicationId, delay);
        return this;
    }

    /**
     * GetSessionEndpoint of this application's sessions answers a real Spark Connect endpoint; its sessions are
     * STARTING until it listens.
     */
    public EmulatorBuilder sparkConnect(String applicationId, SparkConnectEndpoint endpoint) {
        sparkConnect.put(applicationId, endpoint);
        return this;
    }

    /** Serves https with this key and certificate (see {@link TlsFiles}) instead of http. */
    public EmulatorBuilder https(SSLContext tls) {
        this.tls = tls;
        return this;
    }

    /** Logs every request it receives, headers and body included, to this stream. */
    public EmulatorBuilder logRequests(PrintStream log) {
        this.requestLog = log;
        return this;
    }

    /** The region this emulator serves (eu-west-1): requests signed for another are refused. */
    public EmulatorBuilder region(String region) {
        this.region = region;
        return this;
    }

    /** The clock the application and session states, and the signatures' age, follow. */
    public EmulatorBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public EmrServerlessEmulator start() throws IOException {
        return new EmrServerlessEmulator(this);
    }
}
