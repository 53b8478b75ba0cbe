package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.connect.SparkSession;
import org.apache.spark.sql.connect.client.SparkConnectClient;
import org.junit.jupiter.api.Test;

/** The same test runs against a local server and a session on EMR Serverless: only the endpoint differs. */
class SparkQueryIT {

    @Test
    void sumsARangeOnTheSession() throws Exception {
        String endpoint = System.getProperty("spark.connect.endpoint");
        // Read per connection: on AWS the plugin renews the token in this file before it expires.
        String token = Files.readString(Path.of(System.getProperty("spark.connect.tokenFile")))
                .trim();
        // EMR Serverless expects the token in the x-aws-proxy-auth header; a client option becomes a gRPC header
        // (a token in the URL would break at its '=' characters). The local server takes it too.
        SparkConnectClient client = SparkConnectClient.builder()
                .connectionString(endpoint)
                .option("x-aws-proxy-auth", token)
                .build();
        SparkSession spark = SparkSession.builder().client(client).create();
        try {
            long sum = spark.range(1000)
                    .selectExpr("sum(id)")
                    .collectAsList()
                    .get(0)
                    .getLong(0);
            System.out.println("Spark " + spark.version() + " at " + endpoint + ": sum(id) of range(1000) = " + sum);
            assertEquals(499500L, sum);
        } finally {
            spark.close();
        }
    }
}
