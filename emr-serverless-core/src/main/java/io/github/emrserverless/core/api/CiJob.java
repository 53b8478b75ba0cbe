package io.github.emrserverless.core.api;

import io.github.emrserverless.core.config.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CI job leg a build runs in, as the {@code ci-job} tag names it: what a leg's leftover check and clean-up
 * look for. {@code ci-run} is shared by every matrix leg, parallel job and re-run of a workflow or pipeline, so a
 * clean-up by {@code ci-run} would end a sibling leg's session mid-test. A leg is the run with its attempt and job
 * (GitHub Actions), the job (GitLab CI) or the build and stage (Jenkins), the leg name the user gives
 * ({@code ciLeg}, for matrix legs that share all of those), and the machine and workspace it runs in.
 */
public final class CiJob {

    public static final String TAG = "ci-job";
    /** GitHub Actions, GitLab CI, Jenkins: the first one set names the job (see {@link #of}). */
    public static final List<String> VARIABLES = List.of("GITHUB_RUN_ID", "CI_JOB_ID", "BUILD_TAG");

    /** Where a CI script can name the matrix leg instead of {@code -Demr-serverless.ciLeg}. */
    public static final String LEG_VARIABLE = "EMR_SERVERLESS_CI_LEG";

    private CiJob() {}

    /**
     * @param leg the {@code ciLeg} parameter, or null (then {@link #LEG_VARIABLE})
     * @param workspace the build's top-level project directory
     * @return empty outside CI
     */
    public static Optional<String> of(Map<String, String> environment, String leg, Path workspace) {
        List<String> parts = new ArrayList<>();
        if (set(environment, "GITHUB_RUN_ID")) {
            parts.add(environment.get("GITHUB_RUN_ID"));
            parts.add(environment.getOrDefault("GITHUB_RUN_ATTEMPT", "1"));
            parts.add(environment.getOrDefault("GITHUB_JOB", ""));
        } else if (set(environment, "CI_JOB_ID")) {
            parts.add(environment.get("CI_JOB_ID"));
        } else if (set(environment, "BUILD_TAG")) {
            parts.add(environment.get("BUILD_TAG"));
            parts.add(environment.getOrDefault("STAGE_NAME", ""));
        } else {
            return Optional.empty();
        }
        String named = leg == null || leg.isBlank() ? environment.get(LEG_VARIABLE) : leg;
        if (named != null && !named.isBlank()) {
            parts.add(named.trim());
        }
        parts.removeIf(String::isBlank);
        // The machine and workspace: two legs on one self-hosted runner, or on two hosted ones, never match.
        String machine = Stream.of("RUNNER_NAME", "CI_RUNNER_ID", "NODE_NAME", "HOSTNAME", "COMPUTERNAME")
                .map(environment::get)
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse("");
        parts.add(Text.sha256Hex(machine + "\n" + workspace.toAbsolutePath().normalize(), 4));
        String value = DefaultTags.sanitize(String.join("-", parts));
        return Optional.of(value);
    }

    private static boolean set(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    /** Why a goal asked to work on this CI job's sessions does nothing outside CI, naming the parameter. */
    public static String notInCi(String parameter) {
        return parameter + ": not in a CI job (none of " + String.join(", ", VARIABLES) + " is set), so there is"
                + " no ci-job tag to look for;";
    }
}
