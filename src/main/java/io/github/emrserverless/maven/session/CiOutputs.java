package io.github.emrserverless.maven.session;

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
        outputs.put("session-arn", started.arn());
        outputs.put("application-id", started.applicationId());
        writeEnvFile(started, null);
        appendGithubOutputs(outputs);
        appendSummary("| EMR Serverless | |\n|---|---|\n| Application | `" + started.applicationId()
                + "` |\n| Session | `" + started.sessionId() + "` |\n| ARN | `" + started.arn() + "` |\n");
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
        StringBuilder lines = new StringBuilder()
                .append("EMR_SERVERLESS_APPLICATION_ID=")
                .append(started.applicationId())
                .append('\n')
                .append("EMR_SERVERLESS_SESSION_ID=")
                .append(started.sessionId())
                .append('\n')
                .append("EMR_SERVERLESS_SESSION_ARN=")
                .append(started.arn())
                .append('\n');
        if (endpoint != null) {
            lines.append("EMR_SERVERLESS_SESSION_ENDPOINT=")
                    .append(endpoint.endpoint())
                    .append('\n')
                    .append("EMR_SERVERLESS_SESSION_TOKEN_FILE=")
                    .append(tokenFile)
                    .append('\n');
        }
        try {
            Files.createDirectories(envFile.toAbsolutePath().getParent());
            Files.writeString(envFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + envFile + ": " + e.getMessage(), e);
        }
    }

    private void appendGithubOutputs(Map<String, String> outputs) {
        StringBuilder lines = new StringBuilder();
        outputs.forEach(
                (key, value) -> lines.append(key).append('=').append(value).append('\n'));
        append("GITHUB_OUTPUT", lines.toString());
    }

    private void appendSummary(String markdown) {
        append("GITHUB_STEP_SUMMARY", markdown);
    }

    /** One write per call: with O_APPEND, modules built in parallel do not interleave their lines. */
    private void append(String variable, String text) {
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
