package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsClients;
import io.github.emrserverless.maven.aws.AwsSettings;
import io.github.emrserverless.maven.config.InvalidConfigurationException;
import io.github.emrserverless.maven.session.Session;
import io.github.emrserverless.maven.session.SessionException;
import io.github.emrserverless.maven.session.SessionInventory;
import io.github.emrserverless.maven.session.SessionState;
import io.github.emrserverless.maven.session.SessionTable;
import io.github.emrserverless.maven.session.ServiceErrors;
import io.github.emrserverless.maven.session.StartSessionValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import software.amazon.awssdk.core.exception.SdkException;

/** Prints the application's sessions as a table (ID, name, state, created, idle timeout, tags). */
@Mojo(name = "list-sessions", requiresProject = false, threadSafe = true)
public class ListSessionsMojo extends AbstractEmrServerlessMojo {

    /** Only sessions in these states, e.g. {@code -Demr-serverless.states=IDLE,BUSY}. Default: all. */
    @Parameter(property = "emr-serverless.states")
    private List<String> states;

    /** Only sessions that have all these tags. */
    @Parameter
    private Map<String, String> matchTags;

    @Inject
    public ListSessionsMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run() {
        StartSessionValidator.validateApplicationId(applicationId, origin());
        List<SessionState> wanted = states();
        AwsSettings settings = awsSettings();
        try (AwsClients clients = openClients(settings)) {
            SessionInventory inventory = new SessionInventory(clients.sessions());
            List<Session> sessions = inventory.withTags(applicationId, inventory.list(applicationId, wanted),
                    matchTags == null ? Map.of() : matchTags);
            getLog().info(sessions.size() + " session(s) on application " + applicationId
                    + (wanted.isEmpty() ? "" : " in " + wanted) + (matchTags == null || matchTags.isEmpty() ? "" : " tagged " + matchTags));
            SessionTable.lines(sessions).forEach(getLog()::info);
        } catch (SdkException e) {
            throw new SessionException(ServiceErrors.describe("ListSessions", "application " + applicationId, e), e);
        }
    }

    private List<SessionState> states() {
        List<SessionState> result = new ArrayList<>();
        if (states != null) {
            for (String state : states) {
                try {
                    SessionState parsed = SessionState.valueOf(state.trim().toUpperCase(Locale.ROOT));
                    if (parsed == SessionState.UNKNOWN) {
                        throw new IllegalArgumentException(state);
                    }
                    result.add(parsed);
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigurationException("Invalid <states> entry '" + state + "' (from " + origin().of("states")
                            + "); allowed: " + Arrays.stream(SessionState.values()).filter(s -> s != SessionState.UNKNOWN).toList() + ".");
                }
            }
        }
        return result;
    }
}
