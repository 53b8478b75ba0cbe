package io.github.emrserverless.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.api.SessionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;

/** Resolution outside Maven goes where the user's Maven settings send a build: mirror, credentials, proxy, offline. */
class ResolverServerClasspathTest {

    @TempDir
    Path home;

    Path mirror;
    Path local;
    String previousLocal;

    @BeforeEach
    void repositories() throws Exception {
        // A company mirror holding one small artifact that Maven Central does not have.
        mirror = home.resolve("mirror");
        Path version = Files.createDirectories(mirror.resolve("it/emr-serverless/tiny/1.0"));
        Files.writeString(
                version.resolve("tiny-1.0.pom"),
                "<project><modelVersion>4.0.0</modelVersion><groupId>it.emr-serverless</groupId>"
                        + "<artifactId>tiny</artifactId><version>1.0</version></project>");
        Files.write(version.resolve("tiny-1.0.jar"), new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0});
        local = home.resolve("local-repository");
        previousLocal = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", local.toString());
    }

    @AfterEach
    void restore() {
        if (previousLocal == null) {
            System.clearProperty("maven.repo.local");
        } else {
            System.setProperty("maven.repo.local", previousLocal);
        }
    }

    MavenUserSettings settings(String body) throws Exception {
        Path file = home.resolve("settings.xml");
        Files.writeString(file, "<settings>" + body + "</settings>");
        return MavenUserSettings.read(file, null, home.resolve("settings-security.xml"));
    }

    String mirrorOfCentral(String url) {
        return "<mirrors><mirror><id>company-mirror</id><mirrorOf>central</mirrorOf><url>" + url
                + "</url></mirror></mirrors>";
    }

    @Test
    void resolvesThroughTheMirrorOfCentralTheSettingsName() throws Exception {
        MavenUserSettings user = settings(mirrorOfCentral(mirror.toUri().toString()));

        List<Path> resolved =
                new ResolverServerClasspath(() -> user).resolve(List.of("it.emr-serverless:tiny:1.0"), "tiny");

        assertThat(resolved).containsExactly(local.resolve("it/emr-serverless/tiny/1.0/tiny-1.0.jar"));
        // The resolver records where each file came from: the mirror, not Maven Central.
        assertThat(local.resolve("it/emr-serverless/tiny/1.0/_remote.repositories"))
                .content()
                .contains("tiny-1.0.jar>company-mirror=");
    }

    @Test
    void theMirrorGetsItsServersDecryptedCredentialsAndTheActiveProxy() throws Exception {
        DefaultPlexusCipher cipher = MavenUserSettingsTest.masterPassword(home, "master-pass");
        MavenUserSettings user = settings(mirrorOfCentral("https://nexus.example.com/central")
                + "<servers><server><id>company-mirror</id><username>ci</username><password>"
                + cipher.encryptAndDecorate("mirror-secret", "master-pass") + "</password></server></servers>"
                + "<proxies><proxy><id>corp</id><active>true</active><protocol>https</protocol>"
                + "<host>proxy.example.com</host><port>3128</port></proxy></proxies>");
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(
                session, new org.eclipse.aether.repository.LocalRepository(local.toFile())));
        user.applyTo(session);

        List<RemoteRepository> remotes = system.newResolutionRepositories(
                session,
                List.of(new RemoteRepository.Builder("central", "default", ResolverServerClasspath.CENTRAL).build()));

        assertThat(remotes).singleElement().satisfies(remote -> {
            assertThat(remote.getId()).isEqualTo("company-mirror");
            assertThat(remote.getUrl()).isEqualTo("https://nexus.example.com/central");
            assertThat(remote.getProxy().getHost()).isEqualTo("proxy.example.com");
            try (AuthenticationContext auth = AuthenticationContext.forRepository(session, remote)) {
                assertThat(auth.get(AuthenticationContext.USERNAME)).isEqualTo("ci");
                assertThat(auth.get(AuthenticationContext.PASSWORD)).isEqualTo("mirror-secret");
            }
        });
    }

    @Test
    void theSettingsAreInterpolatedWithSystemPropertiesAndTheEnvironmentAsMavenDoes() throws Exception {
        System.setProperty("it.mirror.url", mirror.toUri().toString());
        try {
            String someVariable =
                    System.getenv().keySet().stream().sorted().findFirst().orElseThrow();
            MavenUserSettings user = settings(mirrorOfCentral("${it.mirror.url}") + "<localRepository>${env."
                    + someVariable + "}</localRepository>");

            assertThat(user.localRepository()).isEqualTo(System.getenv(someVariable));
            assertThat(new ResolverServerClasspath(() -> user).resolve(List.of("it.emr-serverless:tiny:1.0"), "tiny"))
                    .singleElement()
                    .satisfies(jar -> assertThat(jar).exists());
        } finally {
            System.clearProperty("it.mirror.url");
        }
    }

    @Test
    void offlineSettingsAndAMissingArtifactFailNamingTheMirror() throws Exception {
        MavenUserSettings user = settings(
                "<offline>true</offline>" + mirrorOfCentral(mirror.toUri().toString()));

        assertThatThrownBy(() -> new ResolverServerClasspath(() -> user)
                        .resolve(List.of("it.emr-serverless:tiny:1.0"), "tiny 1.0"))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("Cannot resolve the local Spark Connect server tiny 1.0 from " + local
                        + " and company-mirror (" + mirror.toUri())
                .hasMessageContaining("(offline, as the Maven settings say)");
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsWithoutShowingIt() throws Exception {
        // Encrypted with a master password this machine has no settings-security.xml for.
        String encrypted = new DefaultPlexusCipher().encryptAndDecorate("mirror-secret", "another-master");

        assertThatThrownBy(() -> settings("<servers><server><id>company-mirror</id><password>" + encrypted
                        + "</password></server></servers>"))
                .isInstanceOf(SessionException.class)
                .hasMessageStartingWith("Cannot decrypt the Maven settings' passwords (" + home.resolve("settings.xml"))
                .hasMessageNotContaining("mirror-secret")
                .hasMessageNotContaining(encrypted);
    }
}
