package org.apache.spark.sql.connect.service;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Stands in for Spark's server in unit tests of local mode: listens where a Spark Connect server would, from
 * the same Spark properties, creates the configured interceptors as Spark does (the plugin's token check among
 * them), then says it has started. {@code spark.fake.mode}: {@code fail} (an exception at start, as Spark's own),
 * {@code silent} (never listens), {@code stubborn} (a shutdown that never ends), {@code unreported} (listens but
 * its service never says it started: as if another process held the port).
 */
public final class SparkConnectServer {

    private SparkConnectServer() {}

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("spark.fake.mode", "serve");
        System.err.println("fake server starting, spark.master=" + System.getProperty("spark.master")
                + ", SPARK_LOCAL_IP=" + System.getenv("SPARK_LOCAL_IP"));
        if (mode.equals("fail")) {
            throw new IllegalArgumentException("System memory 1 must be at least 471859200.");
        }
        if (mode.equals("stubborn")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        if (mode.equals("silent")) {
            Thread.sleep(60_000);
            return;
        }
        int port = Integer.parseInt(System.getProperty("spark.connect.grpc.binding.port"));
        InetAddress address = InetAddress.getByName(System.getProperty("spark.connect.grpc.binding.address"));
        try (ServerSocket server = new ServerSocket(port, 50, address)) {
            for (String interceptor : System.getProperty("spark.connect.grpc.interceptor.classes", "")
                    .split(",")) {
                if (!interceptor.isBlank()) {
                    Class.forName(interceptor.trim()).getConstructor().newInstance();
                }
            }
            if (!mode.equals("unreported")) {
                SparkConnectService$.MODULE$.bound(server.getLocalPort());
            }
            while (true) {
                try (Socket client = server.accept()) {
                    // Accepting is all a readiness check needs.
                }
            }
        }
    }
}
