package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.emrserverless.junit5.EmrServerlessExtension;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same few lines as a local test: where the session comes from is the extension's business. */
@ExtendWith(EmrServerlessExtension.class)
class SparkOnAwsTest {

    @Test
    void sumsARange(SparkSession spark) {
        long sum =
                spark.range(1000).selectExpr("sum(id)").collectAsList().get(0).getLong(0);
        System.out.println("On EMR Serverless: sum(id) of range(1000) = " + sum);
        assertEquals(499500L, sum);
    }
}
