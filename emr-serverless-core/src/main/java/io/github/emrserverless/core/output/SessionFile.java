package io.github.emrserverless.core.output;

import static io.github.emrserverless.core.config.Text.blankToNull;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionEndpoint;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.handover.ExportedSession;
import io.github.emrserverless.core.support.Json;
import io.github.emrserverless.core.support.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the session's identity to a JSON file that later steps, scripts and CI jobs can read. */
public final class SessionFile {

    private final JSON json;

    public SessionFile(JSON json) {
        this.json = Json.pretty(json);
    }

    /**
     * The file's content; timestamps as ISO-8601 text, absent members omitted. Never the auth token, only the file
     * that holds it.
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
            String tokenFile,
            String authTokenExpiresAt,
            boolean reused,
            boolean reusable,
            boolean applicationStartedByPlugin,
            String sparkVersion) {

        /**
         * @param session the session once ready, or null right after StartSession
         * @param endpoint the Spark Connect endpoint, or null
         */
        public static Content of(ExportedSession handed, String name, Session session, SessionEndpoint endpoint) {
            return new Content(
                    handed.mode().name().toLowerCase(Locale.ROOT),
                    handed.applicationId(),
                    handed.sessionId(),
                    handed.arn(),
                    session == null
                            ? SessionState.SUBMITTED.name()
                            : session.state().name(),
                    name,
                    session == null || session.startedAt() == null
                            ? null
                            : session.startedAt().toString(),
                    handed.endpoint(),
                    handed.tokenFile() == null ? null : handed.tokenFile().toString(),
                    endpoint == null || endpoint.authTokenExpiresAt() == null
                            ? null
                            : endpoint.authTokenExpiresAt().toString(),
                    handed.reused(),
                    handed.reusable(),
                    handed.applicationStartedByPlugin(),
                    handed.sparkVersion());
        }
    }

    /**
     * The session a {@code session.json} describes, as the build handed it over; empty when the file is missing or
     * names no session.
     */
    public static Optional<ExportedSession> read(Path file) {
        Map<String, Object> content;
        try {
            content = Json.create().mapFrom(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> properties = Map.of(
                "sessionId",
                text(content, "sessionId"),
                ExportedSession.APPLICATION_ID,
                text(content, "applicationId"),
                ExportedSession.SESSION_ARN,
                text(content, "arn"),
                ExportedSession.MODE,
                text(content, "mode"),
                ExportedSession.ENDPOINT,
                text(content, "endpoint"),
                ExportedSession.TOKEN_FILE,
                text(content, "tokenFile"),
                ExportedSession.REUSED,
                text(content, "reused"),
                ExportedSession.REUSABLE,
                text(content, "reusable"),
                ExportedSession.APPLICATION_STARTED,
                text(content, "applicationStartedByPlugin"),
                ExportedSession.SPARK_VERSION,
                text(content, "sparkVersion"));
        return ExportedSession.fromProperties(key -> blankToNull(properties.get(key)), "sessionId");
    }

    private static String text(Map<String, Object> content, String key) {
        Object value = content.get(key);
        return value == null ? "" : value.toString();
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
