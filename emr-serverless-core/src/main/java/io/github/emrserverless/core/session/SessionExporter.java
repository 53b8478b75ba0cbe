package io.github.emrserverless.core.session;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Hands a session to the rest of the build: properties, the output file and, once ready, the Spark Connect
 * endpoint with its token in an owner-only file. The token goes into a property only when asked for.
 */
public final class SessionExporter implements SessionListener {

    public static final String PREFIX = "emr-serverless.";

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
        export(settings.sessionIdProperty(), started.sessionId());
        if (started.arn() != null) {
            export(PREFIX + "sessionArn", started.arn());
        }
        export(PREFIX + "applicationId", started.applicationId());
        export(PREFIX + "sessionReused", Boolean.toString(reused));
        // Tells terminate-session and await-session of this build that the session is the next build's too.
        export(PREFIX + "sessionReusable", Boolean.toString(settings.reusable()));
        if (applicationStarted) {
            // For terminate-session's stopApplication: it stops only what this build started.
            export(PREFIX + "applicationStartedByPlugin", "true");
        }
        sessionFile.write(settings.outputFile(), content(started, null, null));
    }

    @Override
    public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
        if (endpoint != null) {
            export(PREFIX + "sessionEndpoint", endpoint.endpoint());
            OwnerOnlyFile.write(settings.tokenFile(), endpoint.authToken());
            export(PREFIX + "sessionTokenFile", settings.tokenFile().toString());
            if (settings.exportAuthToken()) {
                properties.accept(PREFIX + "sessionAuthToken", endpoint.authToken());
                reporter.debug(() -> "Exported property " + PREFIX + "sessionAuthToken=****");
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

    /** A terminated session's token is worthless, and a secret all the same: the file goes. */
    @Override
    public void onEnded(StartedSession started) {
        OwnerOnlyFile.delete(settings.tokenFile());
    }

    private SessionFile.Content content(StartedSession started, Session session, SessionEndpoint endpoint) {
        return SessionFile.Content.of(started, settings.name(), session, endpoint, reused, applicationStarted);
    }

    private void export(String key, String value) {
        properties.accept(key, value);
        reporter.debug(() -> "Exported property " + key + "=" + value);
    }
}
