package io.github.emrserverless.junit5;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a test, or a lifecycle method, a connected Spark Connect {@code SparkSession}: declare a parameter of type
 * {@code org.apache.spark.sql.connect.SparkSession} (or {@code org.apache.spark.sql.SparkSession}).
 *
 * <p>In a build with the plugin it uses the session the build handed over (the system properties
 * {@code emr-serverless.sessionEndpoint} and {@code emr-serverless.sessionTokenFile}, or the build's
 * {@code target/emr-serverless/session.json}) and starts nothing. Run from an IDE or by a plain {@code mvn test}, it
 * starts a local Spark Connect server itself, as {@code mode=local} does, and stops it when the test run ends. One
 * SparkSession serves the whole test run unless a class is marked {@link IsolatedSparkSession}; the token is read for
 * every call, so a renewed one is used at once.
 */
public final class EmrServerlessExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmrServerlessExtension.class);

    /** The Spark Connect session class of 4.x clients, and the API class it extends. */
    static final Set<String> SESSION_TYPES =
            Set.of("org.apache.spark.sql.connect.SparkSession", "org.apache.spark.sql.SparkSession");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SESSION_TYPES.contains(parameter.getParameter().getType().getName());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            // The root store: one session for the test run, closed (and what was started ended) when the run ends.
            TestRunSession run = context.getRoot()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                            TestRunSession.class, key -> TestRunSession.open(new TestLog()), TestRunSession.class);
            Optional<ExtensionContext> isolated = isolatedClass(context);
            if (isolated.isEmpty()) {
                return run.spark();
            }
            // The class's store: closed when the class has run, before the root store ends the server.
            return isolated.get()
                    .getStore(NAMESPACE)
                    .getOrComputeIfAbsent(
                            ClassSession.class, key -> new ClassSession(run.newSpark()), ClassSession.class)
                    .spark();
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(
                    "No Spark Connect session for " + parameter.getParameter() + ": " + e.getMessage(), e);
        }
    }

    /** The context of the outermost test class marked {@link IsolatedSparkSession}, if the test is in one. */
    private static Optional<ExtensionContext> isolatedClass(ExtensionContext context) {
        Optional<ExtensionContext> found = Optional.empty();
        for (Optional<ExtensionContext> c = Optional.of(context);
                c.isPresent();
                c = c.get().getParent()) {
            ExtensionContext candidate = c.get();
            boolean classContext = candidate.getTestMethod().isEmpty()
                    && candidate
                            .getTestClass()
                            .filter(type -> type.isAnnotationPresent(IsolatedSparkSession.class))
                            .isPresent();
            if (classContext) {
                found = Optional.of(candidate);
            }
        }
        return found;
    }

    /** A test class's own SparkSession, closed with the class's store. */
    private record ClassSession(Object spark) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            SparkClient.close(spark);
        }
    }
}
