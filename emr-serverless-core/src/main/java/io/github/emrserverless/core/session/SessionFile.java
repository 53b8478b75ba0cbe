package io.github.emrserverless.core.session;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the session's identity to a JSON file that later steps, scripts and CI jobs can read. */
public final class SessionFile {

    private final JSON json;

    public SessionFile(JSON json) {
        this.json = Json.pretty(json);
    }

    /**
     * The file's content; timestamps as ISO-8601 text, absent members omitted. Never the auth token.
     *
     * @param mode {@code aws}, or {@code local} for a local Spark Connect server
     */
    public record Content(
            String mode,
            String applicationId,
            String sessionId,
            String arn,
            String state,
            String name,
            String startedAt,
            String endpoint,
            String authTokenExpiresAt,
            boolean reused,
            boolean applicationStartedByPlugin) {

        /**
         * @param session the session once ready, or null right after StartSession
         * @param endpoint the Spark Connect endpoint, or null
         * @param reused whether the session is another build's, reused
         * @param applicationStartedByPlugin whether start-session started the application for it
         */
        public static Content of(
                StartedSession started,
                String name,
                Session session,
                SessionEndpoint endpoint,
                boolean reused,
                boolean applicationStartedByPlugin) {
            return new Content(
                    started.local() ? "local" : "aws",
                    started.applicationId(),
                    started.sessionId(),
                    started.arn(),
                    session == null
                            ? SessionState.SUBMITTED.name()
                            : session.state().name(),
                    name,
                    session == null || session.startedAt() == null
                            ? null
                            : session.startedAt().toString(),
                    endpoint == null ? null : endpoint.endpoint(),
                    endpoint == null || endpoint.authTokenExpiresAt() == null
                            ? null
                            : endpoint.authTokenExpiresAt().toString(),
                    reused,
                    applicationStartedByPlugin);
        }
    }

    /** Written to a temporary file first and moved into place, so that a reader never sees half a file. */
    public void write(Path file, Content content) {
        writeAtomically(file, content, json);
    }

    /** A renewed token's expiry; the rest of the file stays as it is. */
    static void updateTokenExpiry(Path file, Instant expiresAt) {
        JSON json = Json.pretty(Json.create());
        try {
            Map<String, Object> content = new LinkedHashMap<>(json.mapFrom(Files.readString(file)));
            if (expiresAt == null) {
                content.remove("authTokenExpiresAt");
            } else {
                content.put("authTokenExpiresAt", expiresAt.toString());
            }
            writeAtomically(file, content, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, Object content, JSON json) {
        try {
            OwnerOnlyFile.write(file, json.asString(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
