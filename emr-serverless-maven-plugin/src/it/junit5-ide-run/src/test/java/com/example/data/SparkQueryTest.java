package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.emrserverless.junit5.EmrServerlessExtension;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole of a test's wiring: the extension, and a SparkSession parameter. */
@ExtendWith(EmrServerlessExtension.class)
class SparkQueryTest {

    @Test
    void sumsARange(SparkSession spark) {
        long began = System.nanoTime();
        long sum =
                spark.range(1000).selectExpr("sum(id)").collectAsList().get(0).getLong(0);
        System.out.println("Spark " + spark.version() + ": sum(id) of range(1000) = " + sum + " (first query took "
                + (System.nanoTime() - began) / 1_000_000 + " ms)");
        assertEquals(499500L, sum);
        // Visible to every class that shares the test run's session, and to no isolated one.
        spark.range(1).createOrReplaceTempView("shared_view");
        System.out.println("Shared session: Spark Connect session " + spark.sessionId());
    }
}
