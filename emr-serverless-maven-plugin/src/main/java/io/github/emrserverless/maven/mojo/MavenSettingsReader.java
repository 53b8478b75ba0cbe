package io.github.emrserverless.maven.mojo;

import static io.github.emrserverless.core.config.Text.untrimmedOrNull;

import io.github.emrserverless.core.aws.AwsSettings;
import io.github.emrserverless.core.aws.SharedParameters;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads credentials and the proxy from settings.xml, decrypting passwords as Maven itself does. */
final class MavenSettingsReader {

    private final Settings settings;
    private final SettingsDecrypter decrypter;

    MavenSettingsReader(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The access key of {@code <server>} {@code serverId}: its username is the key ID, its password the secret. */
    /** The shared parameters checked, with serverId's access key and the active proxy from settings.xml. */
    AwsSettings check(SharedParameters shared, String serverId, ParameterOrigin origin) {
        return shared.check(
                origin,
                () -> serverId == null || serverId.isBlank() ? null : accessKey(serverId.trim(), origin),
                activeProxy());
    }

    AwsSettings.AccessKey accessKey(String serverId, ParameterOrigin origin) {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw InvalidConfigurationException.unusable(
                    "serverId",
                    serverId,
                    origin,
                    "settings.xml has no <server> with that <id>. Add one whose <username> is the access key ID and"
                            + " whose <password> (encrypted with mvn --encrypt-password if you like) is the secret access key.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnProblems(result, "<server> " + serverId);
        Server decrypted = result.getServer();
        if (isBlank(decrypted.getUsername()) || isBlank(decrypted.getPassword())) {
            throw InvalidConfigurationException.unusable(
                    "serverId",
                    serverId,
                    origin,
                    "its <server> needs a <username> (the access key ID) and a <password> (the secret access key).");
        }
        return new AwsSettings.AccessKey(
                decrypted.getUsername(), decrypted.getPassword(), "settings.xml server " + serverId);
    }

    /** The first active {@code <proxy>}, as Maven uses it, or null. */
    AwsSettings.Proxy activeProxy() {
        Proxy proxy = settings == null ? null : settings.getActiveProxy();
        if (proxy == null) {
            return null;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        failOnProblems(result, "<proxy> " + proxy.getId());
        Proxy decrypted = result.getProxy();
        return new AwsSettings.Proxy(
                decrypted.getId(),
                decrypted.getProtocol(),
                decrypted.getHost(),
                decrypted.getPort(),
                untrimmedOrNull(decrypted.getUsername()),
                untrimmedOrNull(decrypted.getPassword()),
                decrypted.getNonProxyHosts());
    }

    private static void failOnProblems(SettingsDecryptionResult result, String what) {
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw InvalidConfigurationException.invalid(
                        "settings.xml " + what, "cannot decrypt its password: " + problem.getMessage());
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
