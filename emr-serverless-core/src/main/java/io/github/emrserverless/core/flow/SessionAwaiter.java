package io.github.emrserverless.core.flow;

import io.github.emrserverless.core.api.ServiceClients;
import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.ServiceException.NotFoundException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.handover.HandedSession;
import io.github.emrserverless.core.handover.ReadinessWaiter;
import io.github.emrserverless.core.handover.SessionHandOver;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.report.SessionReport;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.GoalContext;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * await-session's work: waits until a session started earlier (start-session with {@code waitForReady} false)
 * is ready, then hands it over as start-session would have: the later half of a start, so that compilation and
 * unit tests run while the session starts.
 */
public final class SessionAwaiter {

    /**
     * @param waitTimeout as written
     * @param exportEndpoint null for true
     * @param handed what start-session of this build knows of the session (it exported its identity already),
     *     or null for a session this build did not hand over: a failure leaves such a session running
     */
    public record Request(
            String applicationId, String sessionId, String waitTimeout, Boolean exportEndpoint, HandedSession handed) {

        boolean reusable() {
            return handed != null && handed.reusable();
        }

        boolean reused() {
            return handed != null && handed.reused();
        }

        /** Why a failed wait leaves the session running, or null when it is this build's own to end. */
        String keptBecause() {
            if (handed == null || !handed.startedByBuild()) {
                return SessionHandOver.Plan.NOT_STARTED_HERE;
            }
            return handed.reusable() ? SessionHandOver.Plan.REUSABLE : null;
        }
    }

    private final Reporter reporter;
    private final ParameterOrigin origin;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Sleeper sleeper;

    public SessionAwaiter(GoalContext context) {
        this.reporter = context.reporter();
        this.origin = context.origin();
        this.environment = context.environment();
        this.clock = context.clock();
        this.sleeper = context.sleeper();
    }

    /** @param guard told when the session ended instead of becoming ready */
    public void await(
            Request request,
            StartSessionConfiguration.Outputs outputs,
            Supplier<? extends ServiceClients> clients,
            BiConsumer<String, String> properties,
            SessionListener guard)
            throws InterruptedException {
        Duration timeout = Durations.parse(request.waitTimeout(), "waitTimeout", origin);
        String sessionId =
                request.sessionId() == null ? "" : request.sessionId().trim();
        if (sessionId.isEmpty()) {
            throw InvalidConfigurationException.missing(
                    origin,
                    "sessionId",
                    "<id>",
                    "start-session earlier in the same build sets it for you (with"
                            + " <waitForReady>false</waitForReady> bound to an early phase such as initialize)");
        }
        SessionIds.checkSessionId(sessionId, origin);
        try (ServiceClients opened = clients.get()) {
            SessionApi api = opened.sessions();
            Session session = find(api, request.applicationId(), sessionId);
            reporter.info("Awaiting session " + sessionId + " (" + session.state() + ", started "
                    + Durations.format(Duration.between(session.createdAt(), clock.instant())) + " ago)");
            StartedSession started = new StartedSession(session.applicationId(), session.sessionId(), session.arn());
            SessionListener listener = SessionListener.all(
                    guard,
                    SessionOutputs.of(
                            outputs,
                            SessionReport.continuing(outputs.reportFile(), sessionId, environment, clock, reporter),
                            session.name(),
                            request.reusable(),
                            properties,
                            environment,
                            Json.create(),
                            reporter));
            if (request.reused()) {
                listener.onReused(started);
            }
            Poller poller = new Poller(clock, sleeper, PollSchedule.DEFAULT);
            new SessionHandOver(api, new ReadinessWaiter(api, poller, reporter), reporter)
                    .handOver(
                            started,
                            session,
                            new SessionHandOver.Plan(
                                    true,
                                    timeout,
                                    timeout,
                                    request.exportEndpoint() == null || request.exportEndpoint(),
                                    request.keptBecause()),
                            request.handed() != null ? SessionListener.withoutIdentity(listener) : listener);
        }
    }

    private static Session find(SessionApi api, String applicationId, String sessionId) {
        try {
            return api.getSession(applicationId, sessionId);
        } catch (NotFoundException e) {
            throw new SessionException(
                    "Session " + sessionId + " was not found on application " + applicationId + ". await-session"
                            + " waits for the session start-session started earlier in the build; check"
                            + " <sessionId> and <applicationId>.",
                    e);
        } catch (ServiceException e) {
            throw new SessionException(ServiceErrors.describe("GetSession", "session " + sessionId, e), e);
        }
    }
}
