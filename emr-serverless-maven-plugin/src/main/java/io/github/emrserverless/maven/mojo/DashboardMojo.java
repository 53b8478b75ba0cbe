package io.github.emrserverless.maven.mojo;

import static io.github.emrserverless.core.config.Text.blankToNull;

import io.github.emrserverless.core.api.SessionIds;
import io.github.emrserverless.core.aws.AwsClients;
import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.inventory.SessionDashboard;
import java.nio.file.Path;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Prints a freshly minted link to the Spark UI of a session (GetResourceDashboard): the live UI while it runs,
 * the Spark History Server after it ended. The link grants access for an hour, so it is printed for whoever
 * runs the goal and kept nowhere else.
 */
@Mojo(name = "dashboard", threadSafe = true)
public class DashboardMojo extends AbstractEmrServerlessMojo {

    /** The session. Default: the one start-session exported in this build. */
    @Parameter(property = "emr-serverless.sessionId")
    private String sessionId;

    @Inject
    public DashboardMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    protected void run(AwsSettings settings) {
        String id = blankToNull(sessionId);
        if (id == null) {
            throw InvalidConfigurationException.missing(
                    origin(), "sessionId", "<id>", "start-session earlier in the same build sets it for you");
        }
        SessionIds.checkSessionId(id, origin());
        try (AwsClients clients = openClients()) {
            new SessionDashboard(
                            clients.sessions(),
                            reporter(),
                            System.getenv(),
                            Path.of(project.getBuild().getDirectory(), "emr-serverless", "dashboard-url"))
                    .print(applicationId, id);
        }
    }
}
