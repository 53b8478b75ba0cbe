package io.github.emrserverless.core.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tags start-session adds so that a janitor can find what a build started: who created it, for which
 * project, and in which CI run. The user's own tags win on conflict.
 */
public final class DefaultTags {

    public static final String CREATED_BY = "created-by";
    public static final String CREATED_BY_VALUE = "emr-serverless-maven-plugin";
    public static final String MAVEN_PROJECT = "maven-project";
    public static final String CI_RUN = "ci-run";
    /** The StartSession clientToken: finds a session whose StartSession answer was lost (see SessionLauncher). */
    public static final String START_TOKEN = "start-token";
    /** GitHub Actions, GitLab CI, Jenkins: the first one set names the run. */
    public static final List<String> CI_RUN_VARIABLES = List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_TAG");

    private DefaultTags() {}

    /** @param ciJob the {@link CiJob} leg, or null outside CI (and for a reusable session, which is no leg's) */
    public static Map<String, String> of(
            String groupId, String artifactId, String clientToken, Map<String, String> environment, String ciJob) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(CREATED_BY, CREATED_BY_VALUE);
        tags.put(MAVEN_PROJECT, sanitize(groupId + ":" + artifactId));
        tags.put(START_TOKEN, sanitize(clientToken));
        ciRun(environment).ifPresent(run -> tags.put(CI_RUN, run));
        if (ciJob != null) {
            tags.put(CiJob.TAG, ciJob);
        }
        return tags;
    }

    /** This CI run's {@code ci-run} tag value, or empty outside CI. */
    public static Optional<String> ciRun(Map<String, String> environment) {
        return CI_RUN_VARIABLES.stream()
                .map(environment::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .map(DefaultTags::sanitize);
    }

    /** Defaults first, the user's tags over them. */
    public static Map<String, String> merge(Map<String, String> defaults, Map<String, String> user) {
        Map<String, String> merged = new LinkedHashMap<>(defaults);
        merged.putAll(user);
        return merged;
    }

    /** Tag values allow letters, digits, spaces and {@code _ . : / = + - @}, up to 256 characters. */
    public static String sanitize(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9 /_.:=+@-]", "_");
        return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
    }
}
