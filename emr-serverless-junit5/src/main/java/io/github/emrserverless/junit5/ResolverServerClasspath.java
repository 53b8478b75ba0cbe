package io.github.emrserverless.junit5;

import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.local.ServerClasspath;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;

/**
 * The local server's jars outside Maven (a test run from the IDE), resolved by Maven's own resolver as a build
 * would: into the local repository ({@code maven.repo.local}, else the settings' {@code <localRepository>}, else
 * {@code ~/.m2/repository}), from Maven Central or the repository {@code emr-serverless.repository} names, through the
 * mirrors, proxies and server credentials of the user's Maven settings ({@link MavenUserSettings}).
 */
final class ResolverServerClasspath implements ServerClasspath {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    private final Supplier<MavenUserSettings> settings;

    ResolverServerClasspath() {
        this(MavenUserSettings::standard);
    }

    ResolverServerClasspath(Supplier<MavenUserSettings> settings) {
        this.settings = settings;
    }

    @Override
    public List<Path> resolve(String sparkVersion) {
        return resolve(ServerClasspath.roots(sparkVersion), ServerClasspath.server(sparkVersion) + ":" + sparkVersion);
    }

    /** The artifacts and their runtime dependencies; {@code what} names them in a failure. */
    List<Path> resolve(List<String> artifacts, String what) {
        MavenUserSettings user = settings.get();
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        Path local = localRepository(user);
        session.setLocalRepositoryManager(
                system.newLocalRepositoryManager(session, new LocalRepository(local.toFile())));
        // The POMs' profiles are activated by the JDK and the OS, as in a build.
        session.setSystemProperties(System.getProperties());
        user.applyTo(session);
        RemoteRepository configured = new RemoteRepository.Builder(
                        "central", "default", System.getProperty("emr-serverless.repository", CENTRAL))
                .build();
        // The mirror, proxy and credentials the settings give this repository, as Maven applies them.
        List<RemoteRepository> remotes = system.newResolutionRepositories(session, List.of(configured));
        List<Dependency> roots = artifacts.stream()
                .map(artifact -> new Dependency(new DefaultArtifact(artifact), "runtime"))
                .toList();
        try {
            return system
                    .resolveDependencies(session, new DependencyRequest(new CollectRequest(roots, null, remotes), null))
                    .getArtifactResults()
                    .stream()
                    .map(result -> result.getArtifact().getFile().toPath())
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new SessionException(
                    "Cannot resolve the local Spark Connect server " + what + " from " + local + " and "
                            + remotes.stream()
                                    .map(remote -> remote.getId() + " (" + remote.getUrl() + ")")
                                    .collect(Collectors.joining(", "))
                            + (session.isOffline() ? " (offline, as the Maven settings say)" : "") + ": "
                            + e.getMessage(),
                    e);
        }
    }

    static Path localRepository(MavenUserSettings user) {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return user.localRepository() != null
                ? Path.of(user.localRepository())
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
