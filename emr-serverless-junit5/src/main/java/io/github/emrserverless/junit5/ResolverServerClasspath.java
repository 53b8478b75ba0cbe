package io.github.emrserverless.junit5;

import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.local.ServerClasspath;
import java.nio.file.Path;
import java.util.List;
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
 * The local server's jars outside Maven (a test run from the IDE), resolved by Maven's own resolver: from the local
 * repository a build filled ({@code maven.repo.local}, else {@code ~/.m2/repository}), and Maven Central, or the
 * repository {@code emr-serverless.repository} names (a mirror).
 */
final class ResolverServerClasspath implements ServerClasspath {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2";

    @Override
    public List<Path> resolve(String sparkVersion) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(
                session, new LocalRepository(localRepository().toFile())));
        // The POMs' profiles are activated by the JDK and the OS, as in a build.
        session.setSystemProperties(System.getProperties());
        RemoteRepository remote = new RemoteRepository.Builder(
                        "central", "default", System.getProperty("emr-serverless.repository", CENTRAL))
                .build();
        List<Dependency> roots = ServerClasspath.roots(sparkVersion).stream()
                .map(artifact -> new Dependency(new DefaultArtifact(artifact), "runtime"))
                .toList();
        try {
            return system
                    .resolveDependencies(
                            session, new DependencyRequest(new CollectRequest(roots, null, List.of(remote)), null))
                    .getArtifactResults()
                    .stream()
                    .map(result -> result.getArtifact().getFile().toPath())
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new SessionException(
                    "Cannot resolve the local Spark Connect server " + ServerClasspath.server(sparkVersion) + ":"
                            + sparkVersion + " from " + localRepository() + " and " + remote.getUrl() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
