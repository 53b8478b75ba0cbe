package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.guard.GuardedStart;
import io.github.emrserverless.core.guard.PendingSession;
import io.github.emrserverless.core.handover.HandedSession;
import io.github.emrserverless.core.handover.SessionListener;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/** What start-session tells the build's safety net: the core's {@link GuardedStart}, and the hand-over record. */
final class SafetyNetListener {

    private SafetyNetListener() {}

    /**
     * The session goes under the build's guard (unless it is kept: on failure by keepSessionOnFailure, or as
     * reusable, the next build's too), later goals learn it by session, and its token is renewed.
     */
    static SessionListener forStart(
            SessionSafetyNet safetyNet,
            MavenSession build,
            AwsSettings settings,
            PendingSession.Ending ending,
            boolean keepSessionOnFailure,
            boolean reuse,
            Supplier<AwsClients> goalClients,
            Path outputFile,
            Log log) {
        SessionListener guarded = GuardedStart.listener(
                safetyNet.guard(build, log),
                settings,
                ending,
                keepSessionOnFailure || reuse,
                goalClients,
                outputFile,
                new MavenReporter(log));
        // Later goals decide by the session, whatever property its ID went to (sessionIdProperty).
        SessionListener record = HandedSession.recorder(reuse, handed -> safetyNet.handedOver(build, handed));
        return SessionListener.all(guarded, record);
    }
}
