package org.apache.spark.sql.connect.service;

/**
 * Stands in for the Scala object of Spark's Spark Connect service in the fake server's JVM (ahead of the real one
 * on its class path): what the plugin's ready report reads, started and the bound port.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class SparkConnectService$ {

    public static final SparkConnectService$ MODULE$ = new SparkConnectService$();

    private volatile boolean started;
    private volatile int localPort;

    private SparkConnectService$() {}

    public boolean started() {
        return started;
    }

    public int localPort() {
        return localPort;
    }

    void bound(int port) {
        localPort = port;
        started = true;
    }
}
