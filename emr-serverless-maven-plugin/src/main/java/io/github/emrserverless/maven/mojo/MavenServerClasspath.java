package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.api.SessionException;
import io.github.emrserverless.core.config.ParameterOrigin;
import io.github.emrserverless.core.local.ServerClasspath;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves the Spark Connect server and its runtime dependencies through the build's own repository session,
 * as exec-maven-plugin does for an executable dependency: the user's mirrors, proxies, offline mode and local
 * repository apply, and nothing is downloaded behind Maven's back.
 */
final class MavenServerClasspath implements ServerClasspath {

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final String versionOrigin;

    /** @param versionOrigin where localSparkVersion came from, for the error message */
    MavenServerClasspath(
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories,
            String versionOrigin) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.versionOrigin = versionOrigin;
    }

    /** Resolved as the build resolves: its repository session (mirrors, proxies, offline) and repositories. */
    static MavenServerClasspath of(
            RepositorySystem system, MavenSession build, MavenProject project, ParameterOrigin origin) {
        return new MavenServerClasspath(
                system,
                build.getRepositorySession(),
                project.getRemoteProjectRepositories(),
                origin.of("localSparkVersion"));
    }

    /** The java of the build's toolchain (maven-toolchains-plugin) when there is one, else Maven's own. */
    static Path java(ToolchainManager toolchains, MavenSession build, Log log) {
        Toolchain jdk = toolchains.getToolchainFromBuildContext("jdk", build);
        String tool = jdk == null ? null : jdk.findTool("java");
        if (tool != null) {
            log.debug("Local server runs on the toolchain's java " + tool);
            return Path.of(tool);
        }
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Override
    public List<Path> resolve(String sparkVersion) {
        String coordinates = ServerClasspath.server(sparkVersion) + ":" + sparkVersion;
        List<Dependency> roots = ServerClasspath.roots(sparkVersion).stream()
                .map(artifact -> new Dependency(new DefaultArtifact(artifact), "runtime"))
                .toList();
        CollectRequest collect = new CollectRequest(roots, null, repositories);
        try {
            return system
                    .resolveDependencies(session, new DependencyRequest(collect, null))
                    .getArtifactResults()
                    .stream()
                    .map(result -> result.getArtifact().getFile().toPath())
                    .toList();
        } catch (DependencyResolutionException e) {
            throw new SessionException(
                    "Cannot resolve the local Spark Connect server " + coordinates + " (<localSparkVersion> from "
                            + versionOrigin + ")"
                            + (session.isOffline() ? " offline: it must be in the local repository already" : "")
                            + ": " + e.getMessage(),
                    e);
        }
    }
}
