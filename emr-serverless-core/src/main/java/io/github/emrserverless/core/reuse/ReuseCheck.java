package io.github.emrserverless.core.reuse;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.StartSessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a session found by its {@code reuse-key} tag really is the one this build would start: tags can be
 * copied by anyone who can start sessions, so a session is reused only when its own attributes, as GetSession
 * describes them, equal this build's (application, execution role, full runtime configuration, idle timeout, name,
 * the user's tags: everything the key hashes, the configuration unmasked), and its creator is in the caller's
 * scope and account.
 *
 * @param own the request without the plugin's tags
 */
public record ReuseCheck(StartSessionRequest own, ReuseScope scope, String callerArn) {

    /** @return what does not match, for the warning, or empty when the session may be reused */
    public List<String> mismatches(Session session) {
        List<String> differences = new ArrayList<>();
        if (!scope.allows(session.createdBy(), callerArn)) {
            differences.add("it was started by "
                    + (session.createdBy() == null ? "an unknown principal" : session.createdBy())
                    + ", outside this build's reuse scope (" + scope.name().toLowerCase(Locale.ROOT) + " of "
                    + callerArn + ")");
        }
        if (!Objects.equals(session.applicationId(), own.applicationId())) {
            differences.add("application " + session.applicationId());
        }
        if (!Objects.equals(session.executionRoleArn(), own.executionRoleArn())) {
            differences.add("execution role " + session.executionRoleArn());
        }
        if (!Objects.equals(session.idleTimeoutMinutes(), own.idleTimeoutMinutes())) {
            differences.add("idle timeout " + session.idleTimeoutMinutes());
        }
        if (!Objects.equals(session.name(), own.name())) {
            differences.add("name " + session.name());
        }
        if (!ReuseKey.userTags(session.tags() == null ? Map.of() : session.tags())
                .equals(ReuseKey.userTags(own.tags()))) {
            differences.add("other tags");
        }
        if (!ReuseKey.canonical(session.runtimeConfiguration())
                .equals(ReuseKey.canonical(own.runtimeConfiguration()))) {
            differences.add("another runtime configuration");
        }
        return differences;
    }
}
