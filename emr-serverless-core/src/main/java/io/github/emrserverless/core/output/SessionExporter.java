package io.github.emrserverless.core.output;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SparkRelease;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Reporter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Hands a session to the rest of the build: properties, the output file and, once ready, the Spark Connect
 * endpoint with its token in an owner-only file. The token goes into a property only when asked for.
 */
public final class SessionExporter implements SessionListener {

    /**
     * @param tokenFile where the Spark Connect auth token goes
     * @param exportAuthToken also put the token in the {@code emr-serverless.sessionAuthToken} property
     * @param reusable the session is left running for the next build (reuse is on)
     */
    public record Settings(
            String sessionIdProperty,
            String name,
            Path outputFile,
            Path tokenFile,
            boolean exportAuthToken,
            boolean reusable) {}

    private final BiConsumer<String, String> properties;
    private final SessionFile sessionFile;
    private final Settings settings;
    private final Reporter reporter;
    private boolean reused;
    private boolean applicationStarted;
    private final Map<String, String> exported = new HashMap<>();

    /** @param properties sets one exported property; the value of the auth token property is never logged */
    public SessionExporter(
            BiConsumer<String, String> properties, SessionFile sessionFile, Settings settings, Reporter reporter) {
        this.properties = properties;
        this.sessionFile = sessionFile;
        this.settings = settings;
        this.reporter = reporter;
    }

    @Override
    public void onApplicationStarted(String applicationId) {
        applicationStarted = true;
    }

    @Override
    public void onReused(StartedSession started) {
        reused = true;
    }

    @Override
    public void onStarted(StartedSession started) {
        ExportedSession handed = handedOver(started);
        export(handed);
        sessionFile.write(settings.outputFile(), SessionFile.Content.of(handed, settings.name(), null, null));
    }

    @Override
    public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
        ExportedSession handed = handedOver(started).withSparkVersion(sparkVersion(session));
        if (endpoint != null) {
            OwnerOnlyFile.write(settings.tokenFile(), endpoint.authToken());
            handed = handed.ready(endpoint.endpoint(), settings.tokenFile());
        }
        export(handed);
        if (endpoint != null) {
            if (settings.exportAuthToken()) {
                properties.accept(ExportedSession.AUTH_TOKEN, endpoint.authToken());
                reporter.debug(() -> "Exported property " + ExportedSession.AUTH_TOKEN + "=****");
            }
            reporter.info("Spark Connect endpoint " + endpoint.endpoint()
                    + (started.local()
                            ? " (auth token in " + settings.tokenFile() + ": the local server requires it as"
                                    + " authorization: Bearer <token> or x-aws-proxy-auth: <token>)"
                            : " (auth token in " + settings.tokenFile() + ", valid until "
                                    + endpoint.authTokenExpiresAt() + ")"));
        }
        sessionFile.write(settings.outputFile(), SessionFile.Content.of(handed, settings.name(), session, endpoint));
    }

    /** The server's Spark version from the release label, which a Spark Connect client must not be newer than. */
    private String sparkVersion(Session session) {
        SparkRelease release = SparkRelease.ofLabel(session.releaseLabel()).orElse(null);
        if (release == null) {
            reporter.warn("Release label " + session.releaseLabel() + " of session " + session.sessionId() + ": its"
                    + " Spark version is unknown here. A Spark Connect client must be no newer than the server's Spark"
                    + " and built for the same Scala version.");
            return null;
        }
        reporter.info("Session " + session.sessionId() + " runs Spark " + release.version() + " (Scala "
                + release.scalaBinaryVersion() + ", " + release.label()
                + "): a Spark Connect client must be no newer.");
        return release.version();
    }

    private ExportedSession handedOver(StartedSession started) {
        return ExportedSession.started(started, settings.reusable(), reused, applicationStarted);
    }

    /** A terminated session's token is worthless, and a secret all the same: the file goes. */
    @Override
    public void onEnded(StartedSession started) {
        OwnerOnlyFile.delete(settings.tokenFile());
    }

    /** Each property once, and again only when its value changed (the endpoint comes later than the ID). */
    private void export(ExportedSession handed) {
        handed.properties(settings.sessionIdProperty()).forEach((key, value) -> {
            if (!value.equals(exported.put(key, value))) {
                properties.accept(key, value);
                reporter.debug(() -> "Exported property " + key + "=" + value);
            }
        });
    }
}
