package io.github.emrserverless.junit5;

import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.aws.AwsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The user's Maven settings, read as Maven reads them, for a test run outside Maven (the IDE): the user's
 * {@code settings.xml} over the installation's, passwords decrypted with {@code settings-security.xml}. A company
 * that reaches Maven Central only through its mirror (often with credentials, behind a proxy) resolves the local
 * Spark Connect server there as its builds do, and calls AWS through the same proxy as the plugin.
 */
final class MavenUserSettings {

    private final Settings settings;

    private MavenUserSettings(Settings settings) {
        this.settings = settings;
    }

    /**
     * {@code ~/.m2/settings.xml} over {@code $MAVEN_HOME/conf/settings.xml} (or {@code maven.home}), decrypted with
     * {@code ~/.m2/settings-security.xml} (or the system property {@code settings.security}), as {@code mvn} does.
     */
    static MavenUserSettings standard() {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2");
        String mavenHome = System.getProperty("maven.home", System.getenv("MAVEN_HOME"));
        return read(
                m2.resolve("settings.xml"),
                mavenHome == null ? null : Path.of(mavenHome, "conf", "settings.xml"),
                Path.of(System.getProperty(
                        "settings.security", m2.resolve("settings-security.xml").toString())));
    }

    /** @param global the installation's settings, or null; either file may be missing */
    static MavenUserSettings read(Path user, Path global, Path security) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (Files.isRegularFile(user)) {
            request.setUserSettingsFile(user.toFile());
        }
        if (global != null && Files.isRegularFile(global)) {
            request.setGlobalSettingsFile(global.toFile());
        }
        // ${env.X} and ${user.home} in the settings (a mirror's password from the environment, say), as Maven
        // interpolates them.
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        System.getenv().forEach((name, value) -> properties.setProperty("env." + name, value));
        request.setSystemProperties(properties);
        Settings settings;
        try {
            settings = new DefaultSettingsBuilderFactory()
                    .newInstance()
                    .build(request)
                    .getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new SessionException("Cannot read the Maven settings (" + user + "): " + e.getMessage(), e);
        }
        SettingsDecryptionResult decrypted = new DefaultSettingsDecrypter(
                        new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security.toString()))
                .decrypt(new DefaultSettingsDecryptionRequest(settings));
        if (!decrypted.getProblems().isEmpty()) {
            // Names the server or proxy, never the password.
            throw new SessionException("Cannot decrypt the Maven settings' passwords (" + user + ", " + security
                    + "): "
                    + decrypted.getProblems().stream()
                            .map(SettingsProblem::getMessage)
                            .collect(Collectors.joining("; ")));
        }
        settings.setServers(decrypted.getServers());
        settings.setProxies(decrypted.getProxies());
        return new MavenUserSettings(settings);
    }

    /** The local repository the settings name, or null. */
    String localRepository() {
        String configured = settings.getLocalRepository();
        return configured == null || configured.isBlank() ? null : configured;
    }

    /**
     * The first active {@code <proxy>}, decrypted, for the calls to AWS, as the plugin takes it from a build's
     * settings; null when there is none (the SDK's defaults then apply, as in a build).
     */
    AwsSettings.Proxy activeProxy() {
        Proxy proxy = settings.getActiveProxy();
        return proxy == null
                ? null
                : new AwsSettings.Proxy(
                        proxy.getId(),
                        proxy.getProtocol(),
                        proxy.getHost(),
                        proxy.getPort(),
                        proxy.getUsername(),
                        proxy.getPassword(),
                        proxy.getNonProxyHosts());
    }

    /** Mirrors, proxies and the servers' credentials for the resolver, and offline when the settings say so. */
    void applyTo(DefaultRepositorySystemSession session) {
        session.setOffline(settings.isOffline());
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror mirror : settings.getMirrors()) {
            mirrors.add(
                    mirror.getId(),
                    mirror.getUrl(),
                    mirror.getLayout(),
                    false,
                    mirror.isBlocked(),
                    mirror.getMirrorOf(),
                    mirror.getMirrorOfLayouts());
        }
        session.setMirrorSelector(mirrors);
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (Proxy proxy : settings.getProxies()) {
            if (proxy.isActive()) {
                proxies.add(
                        new org.eclipse.aether.repository.Proxy(
                                proxy.getProtocol(),
                                proxy.getHost(),
                                proxy.getPort(),
                                new AuthenticationBuilder()
                                        .addUsername(proxy.getUsername())
                                        .addPassword(proxy.getPassword())
                                        .build()),
                        proxy.getNonProxyHosts());
            }
        }
        session.setProxySelector(proxies);
        DefaultAuthenticationSelector credentials = new DefaultAuthenticationSelector();
        for (Server server : settings.getServers()) {
            credentials.add(
                    server.getId(),
                    new AuthenticationBuilder()
                            .addUsername(server.getUsername())
                            .addPassword(server.getPassword())
                            .addPrivateKey(server.getPrivateKey(), server.getPassphrase())
                            .build());
        }
        session.setAuthenticationSelector(credentials);
    }
}
