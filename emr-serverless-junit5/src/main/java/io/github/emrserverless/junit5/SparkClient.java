package io.github.emrserverless.junit5;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The Spark Connect JVM client on the test's class path, reached by reflection: the user picks its version, and the
 * two generations EMR Serverless runs differ in the names the extension needs. A 4.x client's session is
 * {@code org.apache.spark.sql.connect.SparkSession} with gRPC shaded under {@code org.sparkproject.io.grpc}; the 3.5
 * client (Scala 2.12) has its own {@code org.apache.spark.sql.SparkSession} with gRPC under
 * {@code org.sparkproject.connect.client.io.grpc}. Both builders take {@code remote(url)},
 * {@code interceptor(ClientInterceptor)} and {@code create()}.
 */
final class SparkClient {

    /** The session class of 4.x clients. */
    static final String CONNECT_SESSION = "org.apache.spark.sql.connect.SparkSession";
    /** The session class of the 3.5 client (and, in 4.x, the API class both sessions extend). */
    static final String API_SESSION = "org.apache.spark.sql.SparkSession";
    /** Present with a 3.5 client only: the 4.x client keeps it too, but then {@link #CONNECT_SESSION} is found first. */
    private static final String CLIENT_35 = "org.apache.spark.sql.connect.client.SparkConnectClient";

    private final Class<?> sessionClass;

    private SparkClient(Class<?> sessionClass) {
        this.sessionClass = sessionClass;
    }

    /** @throws IllegalStateException naming the artifacts to add, when there is no Spark Connect client */
    static SparkClient on(ClassLoader loader) {
        try {
            return new SparkClient(Class.forName(CONNECT_SESSION, false, loader));
        } catch (ClassNotFoundException notFour) {
            try {
                Class.forName(CLIENT_35, false, loader);
                return new SparkClient(Class.forName(API_SESSION, false, loader));
            } catch (ClassNotFoundException none) {
                throw new IllegalStateException("No Spark Connect JVM client on the test's class path: add"
                        + " org.apache.spark:spark-connect-client-jvm_2.13 (Spark 4) or _2.12 (Spark 3.5) in the"
                        + " server's version or older, scope test");
            }
        }
    }

    /** From the client jar's manifest ({@code Implementation-Version}). */
    String version() {
        String version = sessionClass.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    String scalaBinaryVersion() {
        String full = scala.util.Properties.versionNumberString();
        return full.substring(0, full.lastIndexOf('.'));
    }

    /**
     * A SparkSession connected to {@code url} whose every call carries the token the file holds at that moment.
     *
     * @param bearer {@code authorization: Bearer <token>} (a local server) instead of {@code x-aws-proxy-auth}
     */
    Object connect(String url, Path tokenFile, boolean bearer) {
        try {
            Object builder = sessionClass.getMethod("builder").invoke(null);
            Object remote = builder.getClass().getMethod("remote", String.class).invoke(builder, url);
            Method interceptor = Arrays.stream(remote.getClass().getMethods())
                    .filter(m -> m.getName().equals("interceptor") && m.getParameterCount() == 1)
                    .findFirst()
                    .orElseThrow(
                            () -> new NoSuchMethodException(remote.getClass().getName() + ".interceptor"));
            Object withToken = interceptor.invoke(
                    remote, TokenInterceptor.of(interceptor.getParameterTypes()[0], tokenFile, bearer));
            return withToken.getClass().getMethod("create").invoke(withToken);
        } catch (NoClassDefFoundError e) {
            // spark-connect-client-jvm_2.12 3.5.0, the only 3.5 client on Maven Central, misses its shaded protobuf.
            throw new IllegalStateException(
                    "The Spark Connect client " + version() + " on the test's class path"
                            + " cannot load its own classes (" + e.getMessage()
                            + " is missing). The 3.5.0 client jar on"
                            + " Maven Central lacks its shaded protobuf classes: use a client jar that has them.",
                    e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("Cannot connect to " + url + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "The Spark Connect client " + version() + " on the test's class path has"
                            + " no builder with remote, interceptor and create: " + e,
                    e);
        }
    }

    /** SparkSession is Closeable in both generations. */
    static void close(Object spark) {
        try {
            spark.getClass().getMethod("close").invoke(spark);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("Closing the SparkSession failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The SparkSession has no close(): " + e, e);
        }
    }
}
