package io.github.emrserverless.core.output;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
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
        export(handedOver(started));
        sessionFile.write(settings.outputFile(), content(started, null, null));
    }

    @Override
    public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
        if (endpoint != null) {
            OwnerOnlyFile.write(settings.tokenFile(), endpoint.authToken());
            export(handedOver(started).ready(endpoint.endpoint(), settings.tokenFile()));
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
        sessionFile.write(settings.outputFile(), content(started, session, endpoint));
    }

    private ExportedSession handedOver(StartedSession started) {
        return ExportedSession.started(started, settings.reusable(), reused, applicationStarted);
    }

    /** A terminated session's token is worthless, and a secret all the same: the file goes. */
    @Override
    public void onEnded(StartedSession started) {
        OwnerOnlyFile.delete(settings.tokenFile());
    }

    private SessionFile.Content content(StartedSession started, Session session, SessionEndpoint endpoint) {
        ExportedSession handed = handedOver(started);
        if (endpoint != null) {
            handed = handed.ready(endpoint.endpoint(), settings.tokenFile());
        }
        return SessionFile.Content.of(handed, settings.name(), session, endpoint);
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
