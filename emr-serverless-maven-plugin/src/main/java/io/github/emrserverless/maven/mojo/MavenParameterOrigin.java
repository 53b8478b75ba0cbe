package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.core.config.ParameterOrigin;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Tells where a parameter's value came from. Explicit plugin configuration wins over a property in Maven,
 * so a parameter whose configuration is still the default {@code ${emr-serverless.x}} expression got its
 * value from that property: the command line, a system property, or the POM's {@code <properties>}.
 */
final class MavenParameterOrigin implements ParameterOrigin {

    private final MavenSession session;
    private final MavenProject project;
    private final MojoExecution execution;

    MavenParameterOrigin(MavenSession session, MavenProject project, MojoExecution execution) {
        this.session = session;
        this.project = project;
        this.execution = execution;
    }

    @Override
    public String howToSet(String parameter, String example) {
        return "Set it in the plugin configuration or pass -D" + PROPERTY_PREFIX + parameter + "=" + example;
    }

    @Override
    public String of(String parameter) {
        String property = PROPERTY_PREFIX + parameter;
        if (isExplicitlyConfigured(parameter, property)) {
            return "POM <" + parameter + ">";
        }
        if (session.getUserProperties().containsKey(property)) {
            return "-D" + property;
        }
        if (session.getSystemProperties().containsKey(property)) {
            return "system property " + property;
        }
        if (project.getProperties().containsKey(property)) {
            return "POM property " + property;
        }
        return "POM <" + parameter + ">";
    }

    private boolean isExplicitlyConfigured(String parameter, String property) {
        Xpp3Dom configuration = execution == null ? null : execution.getConfiguration();
        Xpp3Dom element = configuration == null ? null : configuration.getChild(parameter);
        if (element == null) {
            return false;
        }
        String value = element.getValue();
        return element.getChildCount() > 0 || value != null && !value.trim().equals("${" + property + "}");
    }
}
