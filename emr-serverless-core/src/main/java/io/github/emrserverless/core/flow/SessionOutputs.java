package io.github.emrserverless.core.flow;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.output.CiOutputs;
import io.github.emrserverless.core.output.SessionExporter;
import io.github.emrserverless.core.output.SessionFile;
import io.github.emrserverless.core.report.SessionReport;
import io.github.emrserverless.core.start.StartSessionConfiguration;
import io.github.emrserverless.core.support.Reporter;
import java.util.Map;
import java.util.function.BiConsumer;

/** Everything a session is handed to, for start-session and await-session alike. */
public final class SessionOutputs {

    private SessionOutputs() {}

    /**
     * The report first (a failure is recorded before anything else can fail), then properties, session.json
     * and the token file, then the CI system's outputs.
     *
     * @param reusable the session stays running for the next build
     */
    public static SessionListener of(
            StartSessionConfiguration.Outputs outputs,
            SessionReport report,
            String name,
            boolean reusable,
            BiConsumer<String, String> properties,
            Map<String, String> environment,
            JSON json,
            Reporter reporter) {
        return SessionListener.all(
                report,
                new SessionExporter(
                        properties,
                        new SessionFile(json),
                        new SessionExporter.Settings(
                                outputs.sessionIdProperty(),
                                name,
                                outputs.outputFile(),
                                outputs.tokenFile(),
                                outputs.exportAuthToken(),
                                reusable),
                        reporter),
                new CiOutputs(environment, outputs.envFile(), outputs.tokenFile()));
    }
}
