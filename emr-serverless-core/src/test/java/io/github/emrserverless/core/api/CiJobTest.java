package io.github.emrserverless.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CiJobTest {

    static final Map<String, String> MATRIX_LEG =
            Map.of("GITHUB_RUN_ID", "901", "GITHUB_RUN_ATTEMPT", "2", "GITHUB_JOB", "it", "RUNNER_NAME", "runner 1");

    @Test
    void outsideCiThereIsNoJob() {
        assertThat(CiJob.of(Map.of("HOSTNAME", "laptop"), null, Path.of("/w"))).isEmpty();
    }

    @Test
    void aGithubLegIsItsRunAttemptJobAndWorkspace() {
        assertThat(CiJob.of(MATRIX_LEG, null, Path.of("/w/a")).orElseThrow()).matches("901-2-it-[0-9a-f]{8}");
    }

    @Test
    void matrixLegsThatShareRunAttemptAndJobDifferByWorkspaceMachineOrLegName() {
        String a = CiJob.of(MATRIX_LEG, null, Path.of("/w/a")).orElseThrow();
        assertThat(CiJob.of(MATRIX_LEG, null, Path.of("/w/b"))).get().isNotEqualTo(a);
        Map<String, String> otherRunner = new java.util.HashMap<>(MATRIX_LEG);
        otherRunner.put("RUNNER_NAME", "runner 2");
        assertThat(CiJob.of(otherRunner, null, Path.of("/w/a"))).get().isNotEqualTo(a);
        assertThat(CiJob.of(MATRIX_LEG, "java-21", Path.of("/w/a")).orElseThrow())
                .startsWith("901-2-it-java-21-");
        // The same leg asks again (its always-run clean-up step): the same value.
        assertThat(CiJob.of(MATRIX_LEG, null, Path.of("/w/a/."))).contains(a);
    }

    @Test
    void aRerunIsAnotherJob() {
        Map<String, String> rerun = new java.util.HashMap<>(MATRIX_LEG);
        rerun.put("GITHUB_RUN_ATTEMPT", "3");
        assertThat(CiJob.of(rerun, null, Path.of("/w/a")))
                .get()
                .isNotEqualTo(CiJob.of(MATRIX_LEG, null, Path.of("/w/a")).orElseThrow());
    }

    @Test
    void gitlabAndJenkinsNameTheirJobs() {
        assertThat(CiJob.of(Map.of("CI_PIPELINE_ID", "7", "CI_JOB_ID", "1234"), null, Path.of("/b"))
                        .orElseThrow())
                .matches("1234-[0-9a-f]{8}");
        assertThat(CiJob.of(
                                Map.of("BUILD_TAG", "jenkins-app-9", "STAGE_NAME", "it", CiJob.LEG_VARIABLE, "jdk17"),
                                null,
                                Path.of("/b"))
                        .orElseThrow())
                .matches("jenkins-app-9-it-jdk17-[0-9a-f]{8}");
    }
}
