package io.github.emrserverless.core.report;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.handover.Outcome;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.output.CiOutputs;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code report.json}: what happened to the session, for whoever debugs a failed build: its states with their
 * times, time to ready, state details, the configuration (secret-looking values masked), how it ended and, once
 * terminate-session waited for its end, what it was billed. Written on every change, atomically; never the
 * auth token or the dashboard URL. Written by start-session and await-session, completed by the safety net and
 * terminate-session.
 */
public final class SessionReport implements SessionListener {

    /**
     * The file's content.
     *
     * @param timeline each state seen, with when it was first seen
     * @param timeToReadySeconds from StartSession to ready; null when never ready
     * @param outcome an {@link Outcome}'s name
     * @param outcomeDetails the failure message, or how the session ended
     */
    public record Content(
            String sessionId,
            String applicationId,
            String state,
            String stateDetails,
            String releaseLabel,
            List<Entry> timeline,
            Double timeToReadySeconds,
            Map<String, Object> configuration,
            String outcome,
            String outcomeDetails,
            Session.ResourceUtilization billedResourceUtilization,
            Long totalExecutionDurationSeconds) {

        Content with(String state, Outcome outcome, String outcomeDetails) {
            return new Content(
                    sessionId,
                    applicationId,
                    state,
                    stateDetails,
                    releaseLabel,
                    timeline,
                    timeToReadySeconds,
                    configuration,
                    outcome.name(),
                    outcomeDetails,
                    billedResourceUtilization,
                    totalExecutionDurationSeconds);
        }

        /** The end as terminate-session saw it: state, details and billing. */
        public Content ended(Session session, Instant at) {
            List<Entry> entries = new ArrayList<>(timeline == null ? List.of() : timeline);
            if (entries.isEmpty()
                    || !entries.get(entries.size() - 1)
                            .state()
                            .equals(session.state().name())) {
                entries.add(new Entry(session.state().name(), at.toString()));
            }
            return new Content(
                    sessionId,
                    applicationId,
                    session.state().name(),
                    session.stateDetails(),
                    session.releaseLabel() == null ? releaseLabel : session.releaseLabel(),
                    entries,
                    timeToReadySeconds,
                    configuration,
                    Outcome.TERMINATED.name(),
                    "terminate-session",
                    session.billedResourceUtilization(),
                    session.totalExecutionDurationSeconds());
        }
    }

    /** @param at ISO-8601 */
    public record Entry(String state, String at) {}

    private final Path file;
    private final Map<String, String> environment;
    private final JSON json;
    private final Clock clock;
    private final Reporter reporter;
    private final Map<String, Object> configuration;
    private final List<Entry> timeline = new ArrayList<>();
    private StartedSession started;
    private Instant startedAt;
    private Session last;

    /**
     * @param configuration the request, secret-looking values masked
     * @param environment for the GitHub Actions step summary
     */
    public SessionReport(
            Path file,
            Map<String, Object> configuration,
            Map<String, String> environment,
            Clock clock,
            Reporter reporter) {
        this.file = file;
        this.environment = environment;
        this.json = reportJson();
        this.configuration = new LinkedHashMap<>(configuration);
        this.clock = clock;
        this.reporter = reporter;
    }

    /**
     * The report of a session start-session began earlier in the build (await-session): its timeline and
     * configuration go on; without one, a report starts here.
     */
    public static SessionReport continuing(
            Path file, String sessionId, Map<String, String> environment, Clock clock, Reporter reporter) {
        Optional<Content> earlier = read(file, sessionId);
        SessionReport report = new SessionReport(
                file, earlier.map(Content::configuration).orElse(Map.of()), environment, clock, reporter);
        earlier.ifPresent(content -> {
            report.timeline.addAll(content.timeline());
            if (!content.timeline().isEmpty()) {
                report.startedAt = Instant.parse(content.timeline().get(0).at());
            }
        });
        return report;
    }

    @Override
    public void onStarted(StartedSession session) {
        started = session;
        if (startedAt == null) {
            startedAt = clock.instant();
        }
        if (timeline.isEmpty()) {
            timeline.add(new Entry(SessionState.SUBMITTED.name(), startedAt.toString()));
        }
        write(null, null, null);
    }

    @Override
    public void onPolled(StartedSession session, Session polled) {
        knownAs(session);
        if (last == null || last.state() != polled.state()) {
            timeline.add(new Entry(polled.state().name(), clock.instant().toString()));
        }
        last = polled;
        write(null, null, null);
    }

    @Override
    public void onReused(StartedSession session) {
        configuration.put("reused", true);
    }

    @Override
    public void onReady(StartedSession session, Session ready, SessionEndpoint endpoint) {
        knownAs(session);
        last = ready;
        Duration toReady = Duration.between(startedAt, clock.instant());
        summarize(write(toReady.toMillis() / 1000.0, Outcome.READY, null));
    }

    @Override
    public void onHandOverFailed(StartedSession session, Outcome outcome, String message) {
        knownAs(session);
        summarize(write(null, outcome, message));
        // A local server's failure message names its log already; it has no Spark UI to open.
        if (last != null && last.stateDetails() != null && !session.local()) {
            reporter.warn("Session " + session.sessionId() + " was " + last.state() + ": " + last.stateDetails()
                    + ". Report: " + file + ". Its Spark UI (History Server): mvn emr-serverless:dashboard"
                    + " -Demr-serverless.applicationId=" + session.applicationId() + " -Demr-serverless.sessionId="
                    + session.sessionId());
        }
    }

    /** await-session's report learns the session from its first event: start-session announced it. */
    private void knownAs(StartedSession session) {
        if (started == null) {
            started = session;
            if (startedAt == null) {
                startedAt = clock.instant();
            }
        }
    }

    private void summarize(Content content) {
        if (content != null) {
            CiOutputs.appendSummary(environment, ReportSummary.markdown(content));
        }
    }

    private Content write(Double timeToReadySeconds, Outcome outcome, String details) {
        if (started == null) {
            return null;
        }
        Content content = new Content(
                started.sessionId(),
                started.applicationId(),
                last == null ? SessionState.SUBMITTED.name() : last.state().name(),
                last == null ? null : last.stateDetails(),
                last == null ? null : last.releaseLabel(),
                List.copyOf(timeline),
                timeToReadySeconds,
                configuration,
                outcome == null ? null : outcome.name(),
                details,
                null,
                null);
        write(file, content, json, reporter);
        return content;
    }

    /** Members without a value are written as null: a reader sees what is not known (yet). */
    private static JSON reportJson() {
        return Json.pretty(Json.create()).with(JSON.Feature.WRITE_NULL_PROPERTIES);
    }

    /** Reads the report, if there is one for this session. */
    public static Optional<Content> read(Path file, String sessionId) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Content content = Json.create().beanFrom(Content.class, Files.readString(file));
            return sessionId.equals(content.sessionId()) ? Optional.of(content) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Changes the report of this session, if there is one; a report is help, so a failure only warns. */
    public static void update(Path file, String sessionId, UnaryOperator<Content> change, Reporter reporter) {
        read(file, sessionId).ifPresent(content -> write(file, change.apply(content), reportJson(), reporter));
    }

    /** The end state and billing as terminate-session saw them, into the report and the GitHub Actions summary. */
    public static void recordEnd(Path file, Session ended, Reporter reporter) {
        update(
                file,
                ended.sessionId(),
                content -> {
                    Content done = content.ended(ended, Instant.now());
                    CiOutputs.appendSummary(System.getenv(), ReportSummary.markdown(done));
                    return done;
                },
                reporter);
    }

    /** The safety net ended the session. */
    public static UnaryOperator<Content> endedBySafetyNet(String reason) {
        return content -> content.with("TERMINATING", Outcome.TERMINATED_BY_SAFETY_NET, reason);
    }

    private static void write(Path file, Content content, JSON json, Reporter reporter) {
        try {
            OwnerOnlyFile.write(file, json.asString(content));
        } catch (IOException | RuntimeException e) {
            reporter.warn("Could not write the session report " + file + ": " + e.getMessage());
        }
    }
}
