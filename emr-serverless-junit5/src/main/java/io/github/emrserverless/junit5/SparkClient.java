package io.github.emrserverless.junit5;

import org.apache.spark.sql.connect.SparkSession;

/** The Spark Connect JVM client on the test's class path: its version and Scala binary version. */
final class SparkClient {

    private SparkClient() {}

    /** From the client jar's manifest ({@code Implementation-Version}). */
    static String version() {
        String version = SparkSession.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    static String scalaBinaryVersion() {
        String full = scala.util.Properties.versionNumberString();
        return full.substring(0, full.lastIndexOf('.'));
    }
}
