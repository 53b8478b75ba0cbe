package io.github.emrserverless.core.aws;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.InternalServerException;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/**
 * Reads a rest-json error response into the same exception types the SDK's emrserverless client throws, so
 * that the SDK's retry conditions and the plugin's error messages treat both clients alike.
 */
final class RestJsonErrors {

    static final String SERVICE_NAME = "EmrServerless";

    private final JSON json;

    RestJsonErrors(JSON json) {
        this.json = json;
    }

    AwsServiceException toException(SdkHttpResponse response, byte[] body) {
        Map<String, Object> json = parse(body);
        String type = response.firstMatchingHeader("x-amzn-ErrorType")
                .or(() -> text(json, "__type"))
                .or(() -> text(json, "code"))
                .map(RestJsonErrors::errorCode)
                .orElse(null);
        String message = text(json, "message").or(() -> text(json, "Message")).orElse(null);
        AwsErrorDetails details = AwsErrorDetails.builder()
                .errorCode(type)
                .errorMessage(message)
                .serviceName(SERVICE_NAME)
                .sdkHttpResponse(response)
                .build();
        return builderFor(type)
                .awsErrorDetails(details)
                .statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amzn-RequestId").orElse(null))
                .message(message)
                .build();
    }

    /** The rest-json rule: cut at the first ':', keep what follows the last '#'. */
    static String errorCode(String raw) {
        String code = raw;
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon);
        }
        int hash = code.lastIndexOf('#');
        return hash >= 0 ? code.substring(hash + 1) : code;
    }

    private static AwsServiceException.Builder builderFor(String type) {
        if (type == null) {
            return EmrServerlessException.builder();
        }
        return switch (type) {
            case "ValidationException" -> ValidationException.builder();
            case "ResourceNotFoundException" -> ResourceNotFoundException.builder();
            case "ConflictException" -> ConflictException.builder();
            case "InternalServerException" -> InternalServerException.builder();
            case "ServiceQuotaExceededException" -> ServiceQuotaExceededException.builder();
            default -> EmrServerlessException.builder();
        };
    }

    private Map<String, Object> parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.mapFrom(body);
        } catch (IOException e) {
            return null; // a proxy's HTML page, say: the status code still tells what happened
        }
    }

    private static Optional<String> text(Map<String, Object> json, String member) {
        return json != null && json.get(member) instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
