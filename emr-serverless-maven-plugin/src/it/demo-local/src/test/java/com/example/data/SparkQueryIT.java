package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.emrserverless.junit5.EmrServerlessExtension;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same test runs against a local server and a session on EMR Serverless, in the build or from the IDE: the
 * extension connects it to whatever session the build handed over (or starts a local one when none was).
 */
@ExtendWith(EmrServerlessExtension.class)
class SparkQueryIT {

    @Test
    void sumsARangeOnTheSession(SparkSession spark) {
        long sum =
                spark.range(1000).selectExpr("sum(id)").collectAsList().get(0).getLong(0);
        System.out.println("Spark " + spark.version() + ": sum(id) of range(1000) = " + sum);
        assertEquals(499500L, sum);
    }
}
