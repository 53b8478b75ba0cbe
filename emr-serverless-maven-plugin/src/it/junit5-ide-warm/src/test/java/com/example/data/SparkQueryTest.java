package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.emrserverless.junit5.EmrServerlessExtension;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmrServerlessExtension.class)
class SparkQueryTest {

    static long began;

    @BeforeAll
    static void clock() {
        began = System.nanoTime();
    }

    @Test
    void sumsARange(SparkSession spark) {
        long sum =
                spark.range(1000).selectExpr("sum(id)").collectAsList().get(0).getLong(0);
        System.out.println("sum(id) of range(1000) = " + sum + "; the first query answered "
                + (System.nanoTime() - began) / 1_000_000 + " ms after the test class started");
        assertEquals(499500L, sum);
    }
}
