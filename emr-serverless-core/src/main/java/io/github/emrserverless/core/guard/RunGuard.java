package io.github.emrserverless.core.guard;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.ServiceException;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.local.LocalSessions;
import io.github.emrserverless.core.output.TokenRenewer;
import io.github.emrserverless.core.report.SessionReport;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What ends the sessions and local servers a run started (a build, a test run) when it fails, is interrupted or
 * ends: the core of the plugin's safety net, driven by any front end through {@link #finished} and the JVM shutdown
 * hook it adds itself. Built for a CI runner's cancel grace period (GitHub Actions: SIGINT, 7.5 s, SIGTERM, 2.5 s,
 * SIGKILL): the starting goals' clients are kept for it, every session is ended at once and in parallel,
 * TerminateSession first (it is idempotent), and the whole shutdown is bounded.
 */
public final class RunGuard {

    /** How long a shutdown waits for the answer of a StartSession in flight before looking for it by its tag. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(1);
    /** The bound on ending everything once the run is interrupted. */
    public static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(5);
    /** How long a local server may take to shut down by itself when the build is interrupted or failed. */
    static final Duration LOCAL_GRACE = Duration.ofSeconds(3);

    private final Map<String, PendingSession> sessions = new LinkedHashMap<>();
    private final Map<String, PendingStart> starts = new LinkedHashMap<>();
    /** The clients of the goals that started sessions, kept open for the rest of the build. */
    private final Map<AwsSettings, AwsClients> clients = new LinkedHashMap<>();

    private final List<CompletableFuture<Void>> lateEndings = new ArrayList<>();
    private final Map<String, TokenRenewer> renewers = new LinkedHashMap<>();
    private final LocalServers local;
    private final Reporter log;
    private final Thread shutdownHook;
    private final RunWords words;
    private boolean drained;

    /** Adds the JVM shutdown hook at once: from now on, an interrupted run ends what it started. */
    public RunGuard(Reporter log, RunWords words) {
        this.log = log;
        this.words = words;
        this.local = new LocalServers(log);
        this.shutdownHook = new Thread(() -> endAll(words.interrupted()), "emr-serverless-safety-net");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Before StartSession is sent; if the build ends before the answer, the session is looked for by its tag.
     *
     * @param goalClients the starting goal's clients, shared: a shutdown uses them, already built
     */
    public synchronized void expect(PendingStart start, AwsClients goalClients) {
        AwsClients kept = clients.putIfAbsent(start.settings(), goalClients);
        if (kept != null) {
            goalClients.close();
        }
        starts.put(start.startToken(), start);
    }

    /** StartSession answered; a guard that has already ended everything ends this late arrival itself. */
    public synchronized void add(PendingSession session, String startToken) {
        if (startToken != null) {
            starts.remove(startToken);
        }
        notifyAll();
        if (drained) {
            lateEndings.add(CompletableFuture.runAsync(() -> end(session, words.endedWhileStarting())));
            return;
        }
        sessions.put(session.key(), session);
    }

    /** StartSession failed for good; the launcher has looked for what it may have created. */
    public synchronized void forget(String startToken) {
        starts.remove(startToken);
        notifyAll();
    }

    /** The build's local servers (mode local). */
    public LocalServers local() {
        return local;
    }

    public synchronized void remove(String key) {
        sessions.remove(key);
    }

    /** A renewer that comes after the guard has ended everything (a late hand-over) is stopped at once. */
    public void renew(String key, TokenRenewer renewer) {
        TokenRenewer earlier;
        synchronized (this) {
            earlier = drained ? renewer : renewers.put(key, renewer);
        }
        if (earlier != null) {
            earlier.close();
        }
    }

    public void stopRenewal(String key) {
        TokenRenewer renewer;
        synchronized (this) {
            renewer = renewers.remove(key);
        }
        if (renewer != null) {
            renewer.close();
        }
    }

    /** The build is over: no token needs renewing. */
    private void stopRenewals() {
        List<TokenRenewer> all;
        synchronized (this) {
            all = List.copyOf(renewers.values());
            renewers.clear();
        }
        all.forEach(TokenRenewer::close);
    }

    /**
     * The run is over: after a failure everything it started ends; after a success, what it shares with the whole
     * run (a reactor) ends and what it started for itself stays, as the log says, and local servers stop.
     */
    public void finished(boolean failed) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it ends whatever is still pending.
        }
        if (failed) {
            endAll(words.failed());
            return;
        }
        List<PendingSession> left = new ArrayList<>();
        synchronized (this) {
            sessions.values().removeIf(session -> !session.ending().withBuild() && left.add(session));
        }
        for (PendingSession session : left) {
            log.info("Session " + session.started().sessionId() + " stays running: " + words.succeeded() + "."
                    + " End it with emr-serverless:terminate-session; otherwise it ends after "
                    + session.ending().idleTimeoutMinutes() + " idle minutes.");
        }
        stopRenewals();
        local.stopAll(words.endedForLocal(), LocalSessions.STOP_GRACE);
        // What is left was shared with the reactor (exportToReactor): used by every module, ended once.
        endAll(words.endedForShared());
    }

    /** The IDs of the sessions shared with the reactor, which end with the build. */
    public synchronized Set<String> endingWithBuild() {
        return sessions.values().stream()
                .filter(session -> session.ending().withBuild())
                .map(session -> session.started().sessionId())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the session is shared with the reactor and ends with the build, not at a terminate-session. */
    public synchronized boolean endsWithBuild(String key) {
        PendingSession session = sessions.get(key);
        return session != null && session.ending().withBuild();
    }

    /**
     * Ends every session and every start in flight, in parallel, within {@link #SHUTDOWN_BOUND}; the endings are
     * sent first, the renewers stopped beside them.
     */
    public void endAll(String reason) {
        long deadline = System.nanoTime() + SHUTDOWN_BOUND.toNanos();
        List<Runnable> endings = new ArrayList<>();
        List<PendingStart> unanswered;
        boolean nothingElse;
        synchronized (this) {
            drained = true;
            sessions.values().forEach(session -> endings.add(() -> end(session, reason)));
            sessions.clear();
            // An answer that comes now is a late arrival (see add): it ends itself.
            waitForAnswers(System.nanoTime() + ANSWER_WAIT.toNanos());
            unanswered = new ArrayList<>(starts.values());
            starts.clear();
            nothingElse = renewers.isEmpty() && lateEndings.isEmpty();
        }
        unanswered.forEach(start -> endings.add(() -> findAndEnd(start, reason)));
        if (endings.isEmpty() && nothingElse && local.isEmpty()) { // nothing to end: no threads to start
            closeClients();
            return;
        }
        endings.add(() -> local.stopAll(reason, LOCAL_GRACE));
        endings.add(this::stopRenewals);
        ExecutorService pool = Executors.newFixedThreadPool(endings.size(), daemon());
        try {
            endings.forEach(pool::submit);
            pool.shutdown();
            pool.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            List<CompletableFuture<Void>> late;
            synchronized (this) {
                late = List.copyOf(lateEndings);
            }
            CompletableFuture.allOf(late.toArray(CompletableFuture[]::new))
                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOut) {
            log.error("Ending the sessions of " + words.run() + " took longer than " + SHUTDOWN_BOUND.toSeconds()
                    + " s; check the application for sessions still running.");
        } finally {
            pool.shutdownNow();
            closeClients();
        }
    }

    private void waitForAnswers(long until) {
        while (!starts.isEmpty() && System.nanoTime() < until) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, until - System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void end(PendingSession session, String reason) {
        String id = session.started().sessionId();
        String applicationId = session.started().applicationId();
        try {
            api(session.settings()).terminateSession(applicationId, id);
            log.warn("Terminated session " + id + " because " + reason + ".");
            SessionReport.update(session.ending().reportFile(), id, SessionReport.endedBySafetyNet(reason), log);
        } catch (RuntimeException e) {
            log.error("Could not terminate session " + id + " after " + reason + " (" + e.getMessage()
                    + "). End it yourself: " + SessionIds.terminateCommand(applicationId, id));
        } finally {
            OwnerOnlyFile.delete(session.ending().tokenFile());
        }
    }

    /** A start whose answer never came: one look for live sessions with its tag, each terminated. */
    private void findAndEnd(PendingStart start, String reason) {
        String tag = DefaultTags.START_TOKEN + "=" + start.startToken();
        try {
            SessionApi api = api(start.settings());
            SessionInventory inventory = new SessionInventory(api);
            List<Session> live = inventory.list(start.applicationId(), SessionInventory.LIVE_STATES);
            List<Session> found = inventory.withTags(
                    start.applicationId(), live, Map.of(DefaultTags.START_TOKEN, start.startToken()));
            for (Session session : found) {
                api.terminateSession(start.applicationId(), session.sessionId());
                log.warn("Terminated session " + session.sessionId() + " (found by its tag " + tag
                        + "; its StartSession was on its way) because " + reason + ".");
            }
        } catch (ServiceException | IllegalStateException e) {
            log.error("StartSession was on its way when " + reason + ", and looking for its session failed ("
                    + e.getMessage() + "): look for tag " + tag + " on application " + start.applicationId()
                    + " and terminate it.");
        }
    }

    /** The goal's clients where it shared them, else new ones (a start without its tag, say). */
    private synchronized SessionApi api(AwsSettings settings) {
        return clients.computeIfAbsent(settings, s -> AwsClients.create(s, Sleeper.SYSTEM))
                .sessions();
    }

    private synchronized void closeClients() {
        // Each closes its parts quietly: closing is the last thing a run does, with nothing left to stop.
        clients.values().forEach(AwsClients::close);
        clients.clear();
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "emr-serverless-safety-net-end");
            thread.setDaemon(true);
            return thread;
        };
    }
}
