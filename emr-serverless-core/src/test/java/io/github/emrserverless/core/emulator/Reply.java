package io.github.emrserverless.core.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** An answer to send: status, content type, body and, for errors, the {@code x-amzn-ErrorType} header. */
record Reply(int status, String contentType, byte[] body, String errorType) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Reply json(int status, JsonNode body, String errorType) {
        try {
            return new Reply(status, "application/json", MAPPER.writeValueAsBytes(body), errorType);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rest-json error: {@code {"__type", "message"}} with the type in the header too. */
    static Reply error(ApiError error) {
        return json(
                error.status,
                MAPPER.createObjectNode().put("__type", error.type).put("message", error.getMessage()),
                error.type);
    }

    static Reply xml(int status, String xml) {
        return new Reply(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), null);
    }
}
