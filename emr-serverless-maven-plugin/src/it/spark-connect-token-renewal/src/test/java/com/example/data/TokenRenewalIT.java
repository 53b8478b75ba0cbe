package com.example.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.emrserverless.junit5.EmrServerlessExtension;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One SparkSession, opened once, through several 20-s tokens. */
@ExtendWith(EmrServerlessExtension.class)
class TokenRenewalIT {

    @Test
    void everyQuerySucceedsWhileTheTokenChanges(SparkSession spark) throws Exception {
        long began = System.nanoTime();
        // About 24 s (two partitions of 12 rows, 2 s a row): the server cuts its result stream every 5 s, and the
        // client reattaches each time, with the token of that moment.
        Row slow = spark.sql("SELECT count(s), sum(id) FROM (SELECT id, reflect('java.lang.Thread', 'sleep',"
                        + " 2000L) AS s FROM range(0, 24, 1, 2))")
                .collectAsList()
                .get(0);
        assertEquals(276L, slow.getLong(1));
        System.out.println("The long query took " + seconds(began) + " s");
        int queries = 0;
        while (seconds(began) < 65) {
            long sum = spark.range(1000)
                    .selectExpr("sum(id)")
                    .collectAsList()
                    .get(0)
                    .getLong(0);
            assertEquals(499500L, sum);
            queries++;
            Thread.sleep(3000);
        }
        System.out.println(queries + " more queries, " + seconds(began) + " s in all, every one answered");
    }

    private static long seconds(long since) {
        return (System.nanoTime() - since) / 1_000_000_000;
    }
}
