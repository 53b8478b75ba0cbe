package io.github.emrserverless.core.terminate;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.config.Durations;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.time.Duration;
import java.util.Map;

/**
 * What terminate-session ends: one session, or (with no session ID) every live one carrying {@code matchTags}
 * and, with {@code expired}, whose {@code expires-at} tag is past.
 *
 * @param sessionId null in reaper mode
 * @param waitTimeout null when not waiting for termination
 */
public record TerminationRequest(
        String applicationId,
        String sessionId,
        Map<String, String> matchTags,
        boolean expired,
        boolean failIfMissing,
        Duration waitTimeout) {

    public TerminationRequest {
        matchTags = matchTags == null ? Map.of() : Map.copyOf(matchTags);
    }

    /** Checks terminate-session's own parameters (the shared ones are checked before). */
    public static TerminationRequest of(
            String applicationId,
            String sessionId,
            Map<String, String> matchTags,
            boolean expired,
            boolean failIfMissing,
            boolean waitForTermination,
            String terminationTimeout,
            ParameterOrigin origin) {
        String id = sessionId == null || sessionId.isBlank() ? null : sessionId.trim();
        if (id == null && !expired && (matchTags == null || matchTags.isEmpty())) {
            throw InvalidConfigurationException.missing(
                    origin,
                    "sessionId",
                    "<id>",
                    "start-session earlier in the same build sets it for you; or set <matchTags> to terminate every"
                            + " live session with those tags, or <expired>true</expired> every expired one");
        }
        if (id != null) {
            SessionIds.checkSessionId(id, origin);
        }
        Duration timeout = Durations.parse(terminationTimeout, "terminationTimeout", origin);
        Map<String, String> tags = matchTags == null ? Map.of() : matchTags;
        if (id == null && expired && tags.isEmpty()) {
            // An expires-at tag means something only on a session the plugin started; on anyone else's it is not
            // the janitor's to enforce.
            tags = Map.of(DefaultTags.CREATED_BY, DefaultTags.CREATED_BY_VALUE);
        }
        return new TerminationRequest(
                applicationId, id, tags, expired && id == null, failIfMissing, waitForTermination ? timeout : null);
    }

    boolean reaper() {
        return sessionId == null;
    }
}
