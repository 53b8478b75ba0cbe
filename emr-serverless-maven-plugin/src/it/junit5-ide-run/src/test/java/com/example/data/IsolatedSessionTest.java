package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.emrserverless.junit5.EmrServerlessExtension;
import io.github.emrserverless.junit5.IsolatedSparkSession;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A class of its own state: its SparkSession is another Spark Connect session on the test run's server. */
@ExtendWith(EmrServerlessExtension.class)
@IsolatedSparkSession
class IsolatedSessionTest {

    @Test
    void hasASessionOfItsOwn(SparkSession spark) {
        assertFalse(spark.catalog().tableExists("shared_view"), "the shared session's view leaked into this class");
        spark.range(3).createOrReplaceTempView("isolated_view");
        assertEquals(3L, spark.table("isolated_view").count());
        System.out.println("Isolated class: Spark Connect session " + spark.sessionId());
    }
}
