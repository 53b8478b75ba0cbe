package io.github.emrserverless.maven.session;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the session's identity to a JSON file that later steps, scripts and CI jobs can read. */
public final class SessionFile {

    private final JSON json;

    public SessionFile(JSON json) {
        this.json = Json.pretty(json);
    }

    /** The file's content; timestamps as ISO-8601 text, absent members omitted. Never the auth token. */
    public record Content(
            String applicationId,
            String sessionId,
            String arn,
            String state,
            String name,
            String startedAt,
            String endpoint,
            String authTokenExpiresAt) {

        /**
         * @param session the session once ready, or null right after StartSession
         * @param endpoint the Spark Connect endpoint, or null
         */
        public static Content of(StartedSession started, String name, Session session, SessionEndpoint endpoint) {
            return new Content(
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
                            : endpoint.authTokenExpiresAt().toString());
        }
    }

    /** Written to a temporary file first and moved into place, so that a reader never sees half a file. */
    public void write(Path file, Content content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".session", ".json");
            json.write(content, temporary.toFile());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
