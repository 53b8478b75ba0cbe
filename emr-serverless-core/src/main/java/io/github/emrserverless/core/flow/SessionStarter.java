package io.github.emrserverless.core.flow;

import static io.github.emrserverless.core.config.Text.blankToNull;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Expiry;
import io.github.emrserverless.core.api.ServiceClients;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.MergedConfiguration;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.config.SecretMasker;
import io.github.emrserverless.core.costguard.LiveSessionCeiling;
import io.github.emrserverless.core.handover.ReadinessWaiter;
import io.github.emrserverless.core.handover.SessionHandOver;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.report.SessionReport;
import io.github.emrserverless.core.reuse.ReusableSessions;
import io.github.emrserverless.core.reuse.ReuseCheck;
import io.github.emrserverless.core.reuse.ReuseKey;
import io.github.emrserverless.core.reuse.ReusePlan;
import io.github.emrserverless.core.reuse.ReuseScope;
import io.github.emrserverless.core.reuse.ReuseSlot;
import io.github.emrserverless.core.start.ApplicationPreflight;
import io.github.emrserverless.core.start.LaunchOptions;
import io.github.emrserverless.core.start.OrphanSweep;
import io.github.emrserverless.core.start.SessionLauncher;
import io.github.emrserverless.core.start.StartLimits;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.start.StartSessionValidator;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * start-session's work: reads and checks the configuration, then (unless it is a dry run) starts the session
 * and hands it to the build, the output files and the CI system.
 */
public final class SessionStarter {

    private final Reporter reporter;
    private final ParameterOrigin origin;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Sleeper sleeper;
    private final JSON json = Json.create();

    public SessionStarter(GoalContext context) {
        this.reporter = context.reporter();
        this.origin = context.origin();
        this.environment = context.environment();
        this.clock = context.clock();
        this.sleeper = context.sleeper();
    }

    /**
     * @param clients opened only after the configuration passed its checks, and not at all for a dry run
     * @param properties sets one exported property
     * @param guard told first, so that it watches the session before anything else can fail
     */
    public void start(
            StartSessionConfiguration configuration,
            Supplier<? extends ServiceClients> clients,
            BiConsumer<String, String> properties,
            SessionListener guard)
            throws InterruptedException {
        StartSessionConfiguration.Waiting waiting = configuration.waiting();
        Duration timeout = Durations.parse(waiting.waitTimeout(), "waitTimeout", origin);
        StartSessionConfiguration.Outputs outputs = configuration.outputs();
        outputs.check(origin);
        StartLimits limits = StartLimits.check(configuration, origin);
        ReuseScope scope = limits.reuseScope();
        StartSessionRequest own = ownRequest(configuration);
        // Checked before any call; with reuse, the key (it depends on the caller's identity) comes once the clients
        // are open, and a provisional one of the same shape stands in for the check.
        Prepared provisional = request(configuration, own, limits, scope == null ? null : ReuseKey.of(own, "?"));
        if (configuration.dryRun()) {
            reporter.info("Dry run: StartSession request for application " + own.applicationId()
                    + " (not sent; secret-looking values masked"
                    + (scope == null
                            ? ""
                            : "; the reuse-key tag and the client token are derived at the start from the"
                                    + " configuration and the caller's "
                                    + scope.name().toLowerCase(Locale.ROOT))
                    + "):\n"
                    + toJson(Json.pretty(json), provisional.request().masked().body()));
            return;
        }
        boolean fetchEndpoint = waiting.exportEndpoint() == null ? waiting.waitForReady() : waiting.exportEndpoint();
        if (fetchEndpoint && !waiting.waitForReady()) {
            reporter.warn(
                    "<exportEndpoint> needs <waitForReady>true</waitForReady>: a session has an endpoint only once ready.");
            fetchEndpoint = false;
        }
        try (ServiceClients opened = clients.get()) {
            Prepared prepared = provisional;
            ReusePlan reuse = null;
            if (scope != null) {
                String caller = opened.callerArn();
                String key = ReuseKey.of(own, scope.of(caller));
                prepared = request(configuration, own, limits, key);
                reuse = new ReusePlan(prepared.slot(), new ReuseCheck(own, scope, caller));
            }
            StartSessionRequest request = prepared.request();
            SessionListener listener = SessionListener.all(
                    guard,
                    SessionOutputs.of(
                            outputs,
                            new SessionReport(
                                    outputs.reportFile(), request.masked().body(), environment, clock, reporter),
                            request.name(),
                            reuse != null,
                            properties,
                            environment,
                            json,
                            reporter));
            SessionApi api = opened.sessions();
            Poller poller = new Poller(clock, sleeper, PollSchedule.DEFAULT);
            LiveSessionCeiling ceiling = new LiveSessionCeiling(
                    limits.maxLiveSessions(),
                    request.tags().getOrDefault(DefaultTags.MAVEN_PROJECT, mavenProject(configuration)));
            SessionLauncher launcher = new SessionLauncher(
                    new ApplicationPreflight(api, opened::startApplication, poller, reporter),
                    api,
                    new SessionHandOver(api, new ReadinessWaiter(api, poller, reporter), reporter),
                    new ReusableSessions(api, reporter, clock),
                    new OrphanSweep(api, reporter, sleeper),
                    reporter,
                    clock);
            launcher.launch(
                    request,
                    new LaunchOptions(
                            waiting.startApplication(), waiting.waitForReady(), timeout, fetchEndpoint, reuse, ceiling),
                    listener);
        }
    }

    private static String mavenProject(StartSessionConfiguration configuration) {
        return DefaultTags.sanitize(configuration.request().groupId() + ":"
                + configuration.request().artifactId());
    }

    /** The request to send and, with reuse on, the slot whose tokens it is sent with. */
    private record Prepared(StartSessionRequest request, ReuseSlot slot) {}

    /** The user's request from every source of configuration, without the plugin's tags; logs the merge. */
    private StartSessionRequest ownRequest(StartSessionConfiguration configuration) {
        MergedConfiguration merged = configuration.runtimeConfiguration().merge(reporter);
        StartSessionConfiguration.Request wanted = configuration.request();
        StartSessionRequest own = StartSessionRequest.builder()
                .applicationId(wanted.applicationId())
                .executionRoleArn(blankToNull(wanted.executionRoleArn()))
                .name(wanted.name())
                .idleTimeoutMinutes(wanted.idleTimeoutMinutes())
                .tags(wanted.tags())
                .runtimeConfiguration(merged.configurations())
                .build();
        merged.summary().forEach(line -> reporter.info("Runtime configuration " + line));
        reporter.debug(() -> "Merged runtime configuration (secret-looking values masked): "
                + toJson(
                        json,
                        SecretMasker.mask(merged.configurations()).stream()
                                .map(Configuration::toJson)
                                .toList()));
        return own;
    }

    /**
     * The StartSession request with the plugin's tags and token, checked against the API's constraints.
     *
     * @param reuseKey null without reuse
     */
    private Prepared request(
            StartSessionConfiguration configuration, StartSessionRequest own, StartLimits limits, String reuseKey) {
        StartSessionConfiguration.Request wanted = configuration.request();
        ReuseSlot slot = null;
        String token;
        Map<String, String> defaults = new LinkedHashMap<>();
        if (reuseKey == null) {
            token = wanted.clientToken() == null ? UUID.randomUUID().toString() : wanted.clientToken();
            if (wanted.defaultTags()) {
                defaults.putAll(
                        DefaultTags.of(wanted.groupId(), wanted.artifactId(), token, environment, wanted.ciJob()));
                defaults.put(Expiry.TAG, Expiry.format(clock.instant().plus(limits.maxSessionAge())));
            }
        } else {
            slot = ReuseSlot.of(reuseKey, limits.reuseMaxAge(), clock.instant());
            token = slot.clientToken(0);
            // No ci-run or ci-job tag: a reusable session belongs to no single run, and builds racing for it must send
            // the same request (the same token with other parameters is a 409).
            if (wanted.defaultTags()) {
                defaults.putAll(DefaultTags.of(wanted.groupId(), wanted.artifactId(), token, Map.of(), null));
                // From the slot, not the clock: builds racing for the session send the same expiry.
                defaults.put(Expiry.TAG, Expiry.format(slot.end().plus(limits.maxSessionAge())));
            }
            defaults.put(ReusableSessions.REUSE_KEY, slot.key());
        }
        StartSessionRequest request = own.toBuilder()
                .clientToken(token)
                .tags(DefaultTags.merge(defaults, wanted.tags()))
                .build();
        new StartSessionValidator(origin).validate(request);
        return new Prepared(request, slot);
    }

    private static String toJson(JSON json, Object value) {
        try {
            return json.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
