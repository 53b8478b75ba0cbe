package io.github.emrserverless.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Spark a release label runs, and which clients may talk to it. */
class SparkReleaseTest {

    @Test
    void bothLabelFamiliesAreKnownAndOnlyTheirKnownReleasesExactly() {
        assertThat(SparkRelease.ofLabel("emr-7.13.0")).contains(new SparkRelease("3.5.6", "2.12", "emr-7.13.0"));
        assertThat(SparkRelease.ofLabel("emr-spark-8.0.0"))
                .contains(new SparkRelease("4.0.2", "2.13", "emr-spark-8.0.0"));
        assertThat(SparkRelease.ofLabel("emr-7.14.0")).contains(new SparkRelease("3.5", "2.12", "emr-7.14.0"));
        assertThat(SparkRelease.ofLabel("emr-spark-8.1.0")).contains(new SparkRelease("4", "2.13", "emr-spark-8.1.0"));
        assertThat(SparkRelease.ofLabel("emr-7.13.0").orElseThrow().exact()).isTrue();
        assertThat(SparkRelease.ofLabel("emr-7.14.0").orElseThrow().exact()).isFalse();
    }

    @Test
    void anUnknownLabelIsNoAnswerNotAFailure() {
        assertThat(SparkRelease.ofLabel("emr-6.15.0")).isEmpty();
        assertThat(SparkRelease.ofLabel("emr-7.12.0")).isEmpty();
        assertThat(SparkRelease.ofLabel("something-else")).isEmpty();
        assertThat(SparkRelease.ofLabel(null)).isEmpty();
    }

    @Test
    void aLocalServerIsNamedByItsVersion() {
        assertThat(SparkRelease.local("4.2.0")).isEqualTo(new SparkRelease("4.2.0", "2.13", "spark-4.2.0"));
        assertThat(SparkRelease.ofLabel("spark-3.5.7")).contains(new SparkRelease("3.5.7", "2.12", "spark-3.5.7"));
    }

    @Test
    void aClientNewerThanTheServerIsRefusedNamingBothVersions() {
        SparkRelease emr8 = SparkRelease.ofLabel("emr-spark-8.0.0").orElseThrow();
        assertThat(emr8.refusal("4.0.2", "2.13")).isEmpty();
        assertThat(emr8.refusal("4.0.1", "2.13")).isEmpty();
        assertThat(emr8.refusal("4.1.0", "2.13"))
                .contains("The Spark Connect client 4.1.0 is newer than the server: the server runs Spark 4.0.2"
                        + " (Scala 2.13, emr-spark-8.0.0). A client must be no newer than its server: use"
                        + " spark-connect-client-jvm 4.0.2 or older.");
        // Known only to its family: the patch level cannot be held against the client.
        SparkRelease emr714 = SparkRelease.ofLabel("emr-7.14.0").orElseThrow();
        assertThat(emr714.refusal("3.5.7", "2.12")).isEmpty();
        assertThat(emr714.refusal("4.0.0", "2.12")).get().asString().contains("3.5.x or older");
    }

    @Test
    void aClientForAnotherScalaIsRefused() {
        assertThat(SparkRelease.ofLabel("emr-7.13.0").orElseThrow().refusal("3.5.5", "2.13"))
                .contains(
                        "The Spark Connect client is built for Scala 2.13 and the server runs Spark 3.5.6 (Scala 2.12,"
                                + " emr-7.13.0): use the client artifact with the suffix _2.12.");
    }
}
