package io.github.emrserverless.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.aws.AwsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** The settings a test run outside Maven takes from the user's Maven settings for its calls to AWS. */
class MavenUserSettingsTest {

    @TempDir
    Path home;

    /** A settings-security.xml with this master password, as mvn --encrypt-master-password makes one. */
    static DefaultPlexusCipher masterPassword(Path home, String master) throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Files.writeString(
                home.resolve("settings-security.xml"),
                "<settingsSecurity><master>" + cipher.encryptAndDecorate(master, "settings.security")
                        + "</master></settingsSecurity>");
        return cipher;
    }

    MavenUserSettings read(String user, String global) throws Exception {
        Path userFile = home.resolve("settings.xml");
        Files.writeString(userFile, "<settings>" + user + "</settings>");
        Path globalFile = home.resolve("global-settings.xml");
        Files.writeString(globalFile, "<settings>" + global + "</settings>");
        return MavenUserSettings.read(userFile, globalFile, home.resolve("settings-security.xml"));
    }

    @Test
    void theFirstActiveProxyDecryptedIsTheOneForAws() throws Exception {
        DefaultPlexusCipher cipher = masterPassword(home, "master-pass");
        MavenUserSettings settings = read(
                "<proxies><proxy><id>off</id><active>false</active><host>unused.example.com</host><port>1</port></proxy>"
                        + "<proxy><id>corp</id><protocol>http</protocol><host>proxy.example.com</host><port>3128</port>"
                        + "<username>build</username><password>"
                        + cipher.encryptAndDecorate("proxy-secret", "master-pass")
                        + "</password><nonProxyHosts>*.internal|localhost</nonProxyHosts></proxy></proxies>",
                "");

        assertThat(settings.activeProxy())
                .isEqualTo(new AwsSettings.Proxy(
                        "corp", "http", "proxy.example.com", 3128, "build", "proxy-secret", "*.internal|localhost"));
        // Its password stays out of what a log would show.
        assertThat(settings.activeProxy().toString()).doesNotContain("proxy-secret");
    }

    @Test
    void noActiveProxyLeavesTheSdkDefaultsAndTheUserSettingsWinOverTheGlobalOnes() throws Exception {
        MavenUserSettings settings = read(
                "<localRepository>/user/repository</localRepository>",
                "<localRepository>/global/repository</localRepository>");

        assertThat(settings.activeProxy()).isNull();
        assertThat(settings.localRepository()).isEqualTo("/user/repository");
    }
}
