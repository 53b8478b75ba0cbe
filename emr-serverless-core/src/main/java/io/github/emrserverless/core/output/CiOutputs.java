package io.github.emrserverless.core.output;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.handover.SessionListener;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hands the session to the CI system: step outputs and a summary on GitHub Actions ({@code GITHUB_OUTPUT},
 * {@code GITHUB_STEP_SUMMARY}), and always a {@code KEY=value} file for GitLab dotenv reports, Jenkins and
 * shell steps. Never the auth token: only the path of its file.
 */
public final class CiOutputs implements SessionListener {

    private final Map<String, String> environment;
    private final Path envFile;
    private final Path tokenFile;

    public CiOutputs(Map<String, String> environment, Path envFile, Path tokenFile) {
        this.environment = environment;
        this.envFile = envFile;
        this.tokenFile = tokenFile;
    }

    @Override
    public void onStarted(StartedSession started) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("session-id", started.sessionId());
        if (started.arn() != null) {
            outputs.put("session-arn", started.arn());
        }
        outputs.put("application-id", started.applicationId());
        writeEnvFile(started, null);
        appendGithubOutputs(outputs);
        appendSummary(
                "| EMR Serverless" + (started.local() ? " (local mode)" : "") + " | |\n|---|---|\n| Application | `"
                        + started.applicationId() + "` |\n| Session | `" + started.sessionId() + "` |\n"
                        + (started.arn() == null ? "" : "| ARN | `" + started.arn() + "` |\n"));
    }

    @Override
    public void onReady(StartedSession started, Session session, SessionEndpoint endpoint) {
        writeEnvFile(started, endpoint);
        if (endpoint != null) {
            appendGithubOutputs(Map.of("session-endpoint", endpoint.endpoint()));
        }
        appendSummary("\nSession `" + started.sessionId() + "` is ready (" + session.state() + ")"
                + (endpoint == null ? "" : "; Spark Connect endpoint `" + endpoint.endpoint() + "`") + ".\n");
    }

    private void writeEnvFile(StartedSession started, SessionEndpoint endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("EMR_SERVERLESS_APPLICATION_ID", started.applicationId());
        values.put("EMR_SERVERLESS_SESSION_ID", started.sessionId());
        if (started.arn() != null) {
            values.put("EMR_SERVERLESS_SESSION_ARN", started.arn());
        }
        if (endpoint != null) {
            values.put("EMR_SERVERLESS_SESSION_ENDPOINT", endpoint.endpoint());
            values.put("EMR_SERVERLESS_SESSION_TOKEN_FILE", tokenFile.toString());
        }
        OwnerOnlyFile.write(envFile, lines(values));
    }

    private void appendGithubOutputs(Map<String, String> outputs) {
        append("GITHUB_OUTPUT", lines(outputs));
    }

    /**
     * {@code key=value} lines; all checked before any is written. A line break in a value would let it add
     * lines of its own (other outputs, other variables), and an {@code =} in a key would move the split.
     */
    static String lines(Map<String, String> values) {
        StringBuilder lines = new StringBuilder();
        values.forEach((key, value) -> {
            if (key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(
                        "Refused to write the CI output '" + key + "': an = or a line break in its name");
            }
            if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("Refused to write the CI output " + key + ": its value "
                        + (value == null ? "is missing" : "holds a line break"));
            }
            lines.append(key).append('=').append(value).append('\n');
        });
        return lines.toString();
    }

    private void appendSummary(String markdown) {
        appendSummary(environment, markdown);
    }

    /** Adds to the GitHub Actions job summary, when there is one. */
    public static void appendSummary(Map<String, String> environment, String markdown) {
        append(environment, "GITHUB_STEP_SUMMARY", markdown);
    }

    private void append(String variable, String text) {
        append(environment, variable, text);
    }

    /** One write per call: with O_APPEND, modules built in parallel do not interleave their lines. */
    private static void append(Map<String, String> environment, String variable, String text) {
        String file = environment.get(variable);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(file), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to " + variable + " (" + file + "): " + e.getMessage(), e);
        }
    }
}
