package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.inventory.SessionInventory;
import io.github.emrserverless.core.local.WarmServers;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

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

    /** In local mode: this user's warm local servers (reuse), from the registry in the cache directory. */
    @Override
    protected void runLocally() {
        new WarmServers(context()).list();
    }

    @Override
    protected void run(AwsSettings settings) {
        List<SessionState> wanted = SessionState.parseAll(states, "states", origin());
        try (AwsClients clients = openClients()) {
            new SessionInventory(clients.sessions())
                    .print(applicationId, wanted, matchTags == null ? Map.of() : matchTags, reporter());
        }
    }
}
