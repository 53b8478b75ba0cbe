package io.github.emrserverless.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTagsTest {

    @Test
    void nameTheCreatorAndTheProject() {
        assertThat(DefaultTags.of("com.example", "app", "tok-1", Map.of(), null))
                .containsExactly(
                        Map.entry("created-by", "emr-serverless-maven-plugin"),
                        Map.entry("maven-project", "com.example:app"),
                        Map.entry("start-token", "tok-1"));
    }

    @Test
    void theFirstKnownCiVariableNamesTheRun() {
        assertThat(DefaultTags.of("g", "a", "t", Map.of("GITHUB_RUN_ID", "123", "BUILD_TAG", "jenkins-x-1"), null))
                .containsEntry("ci-run", "123");
        assertThat(DefaultTags.of("g", "a", "t", Map.of("CI_PIPELINE_ID", "77"), null))
                .containsEntry("ci-run", "77");
        assertThat(DefaultTags.of("g", "a", "t", Map.of("BUILD_TAG", "jenkins-folder%2Fjob-42"), null))
                .containsEntry("ci-run", "jenkins-folder_2Fjob-42");
    }

    @Test
    void valuesAreCutToWhatTagsAllow() {
        assertThat(DefaultTags.sanitize("a#b&c" + "x".repeat(300))).hasSize(256).startsWith("a_b_c");
    }

    @Test
    void theUsersTagsWin() {
        assertThat(DefaultTags.merge(
                        Map.of("created-by", "plugin", "maven-project", "g:a"), Map.of("created-by", "me")))
                .containsEntry("created-by", "me")
                .containsEntry("maven-project", "g:a");
    }
}
