package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.connect.client.SparkConnectClient;
import org.junit.jupiter.api.Test;

/** The local server takes the build's token in either header, and nothing else. */
class LocalAuthenticationIT {

    static final String ENDPOINT = System.getProperty("spark.connect.endpoint");

    static String token() throws Exception {
        return Files.readString(Path.of(System.getProperty("spark.connect.tokenFile")))
                .trim();
    }

    static long sum(SparkConnectClient.Builder builder) {
        SparkSession spark = SparkSession.builder().client(builder.build()).create();
        try {
            return spark.range(1000)
                    .selectExpr("sum(id)")
                    .collectAsList()
                    .get(0)
                    .getLong(0);
        } finally {
            spark.close();
        }
    }

    static void refused(SparkConnectClient.Builder builder, String what) {
        Exception refused = assertThrows(Exception.class, () -> sum(builder), what);
        String text = String.valueOf(refused);
        for (Throwable cause = refused.getCause(); cause != null; cause = cause.getCause()) {
            text += " / " + cause;
        }
        assertTrue(text.contains("UNAUTHENTICATED"), what + ": " + text);
        System.out.println("REFUSED " + what + ": UNAUTHENTICATED");
    }

    @Test
    void withoutTheTokenACallIsUnauthenticated() {
        refused(SparkConnectClient.builder().connectionString(ENDPOINT), "no token");
    }

    @Test
    void anotherTokenIsUnauthenticatedInEitherHeader() {
        refused(
                SparkConnectClient.builder().connectionString(ENDPOINT).option("x-aws-proxy-auth", "not-the-token"),
                "wrong x-aws-proxy-auth");
        refused(
                SparkConnectClient.builder().connectionString(ENDPOINT).option("authorization", "Bearer not-the-token"),
                "wrong bearer");
    }

    @Test
    void theTokenAsEmrServerlessTakesItRunsAQuery() throws Exception {
        // For the verify script: the build log must not hold it.
        Files.writeString(Path.of("target", "token-seen.txt"), token());
        long sum = sum(SparkConnectClient.builder().connectionString(ENDPOINT).option("x-aws-proxy-auth", token()));
        assertEquals(499500L, sum);
        System.out.println("QUERY x-aws-proxy-auth: sum(id) of range(1000) = " + sum);
    }

    @Test
    void theTokenAsSparksOwnClientsSendItRunsAQuery() throws Exception {
        long sum = sum(
                SparkConnectClient.builder().connectionString(ENDPOINT).option("authorization", "Bearer " + token()));
        assertEquals(499500L, sum);
        System.out.println("QUERY authorization Bearer: sum(id) of range(1000) = " + sum);
    }

    @Test
    void neitherTheTokenNorTheJvmOptionsAreOnTheServersCommandLine() throws Exception {
        String marker = "emr-serverless.localSession=" + System.getProperty("spark.connect.sessionId");
        List<String> servers = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse(""))
                .filter(line -> line.contains(marker))
                .toList();
        assertEquals(1, servers.size(), "the server's process, by its marker");
        String commandLine = servers.get(0);
        assertFalse(commandLine.contains(token()), "the token is not on the command line");
        assertFalse(commandLine.contains("hunter2-local-auth"), "the JVM options are not on the command line");
        assertTrue(commandLine.contains(" @"), "they come from an argument file: " + commandLine);
        System.out.println("COMMAND LINE clean");
    }
}
