package io.github.emrserverless.core.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API sheet's constraints, checked the way the service does (whole-string matches). */
final class Constraints {

    private static final Pattern ID = Pattern.compile("[0-9a-z]{1,64}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern ROLE_ARN = Pattern.compile(
            "arn:(aws[a-zA-Z0-9-]*):iam::([0-9]{12}):(role((\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F))[\\w+=,.@-]+)");
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9 /_.:=+@-]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9 /_.:=+@-]{0,256}");
    private static final Pattern RELEASE = Pattern.compile("emr-(\\d+)\\.(\\d+)\\.(\\d+).*");
    private static final Set<String> START_SESSION_MEMBERS =
            Set.of("clientToken", "executionRoleArn", "configurationOverrides", "tags", "idleTimeoutMinutes", "name");
    private static final Set<String> CONFIGURATION_MEMBERS = Set.of("classification", "properties", "configurations");
    private static final Set<String> STATES =
            Set.of("SUBMITTED", "STARTING", "STARTED", "IDLE", "BUSY", "FAILED", "TERMINATING", "TERMINATED");

    private Constraints() {}

    static void id(String member, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ApiError.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-z]+");
        }
    }

    /** Both label families run sessions: emr-7.13.0 and later (Spark 3.5), and every emr-spark-8.x (Spark 4). */
    static boolean supportsSessions(String releaseLabel) {
        if (releaseLabel.matches("emr-spark-(\\d+)\\.(\\d+)\\.(\\d+)")) {
            return true;
        }
        Matcher m = RELEASE.matcher(releaseLabel);
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 7 || major == 7 && minor >= 13;
    }

    static JsonNode startSessionBody(ObjectMapper mapper, byte[] body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            throw new ApiError(400, "SerializationException", "Malformed JSON body");
        }
        if (request == null || !request.isObject()) {
            throw new ApiError(400, "SerializationException", "Body must be a JSON object");
        }
        unknownMembers(request, START_SESSION_MEMBERS, "StartSessionRequest");
        text(request, "clientToken", true, CLIENT_TOKEN, 1, 64);
        text(request, "executionRoleArn", true, ROLE_ARN, 20, 2048);
        if (request.has("name")) {
            nonBlank(request.get("name"), "name", 256);
        }
        if (request.has("idleTimeoutMinutes")) {
            JsonNode idle = request.get("idleTimeoutMinutes");
            if (!idle.canConvertToLong() || idle.asLong() < 0 || idle.asLong() > 1_000_000) {
                throw ApiError.validation("idleTimeoutMinutes must be between 0 and 1000000");
            }
        }
        if (request.has("tags")) {
            tags(request.get("tags"));
        }
        if (request.has("configurationOverrides")) {
            JsonNode overrides = request.get("configurationOverrides");
            if (!overrides.isObject()) {
                throw ApiError.validation("configurationOverrides must be an object");
            }
            unknownMembers(overrides, Set.of("runtimeConfiguration"), "SessionConfigurationOverrides");
            if (overrides.has("runtimeConfiguration")) {
                configurationList(overrides.get("runtimeConfiguration"), "configurationOverrides.runtimeConfiguration");
            }
        }
        return request;
    }

    private static void configurationList(JsonNode list, String where) {
        if (!list.isArray() || list.size() > 100) {
            throw ApiError.validation(where + " must be a list of at most 100 configurations");
        }
        for (JsonNode configuration : list) {
            if (!configuration.isObject()) {
                throw ApiError.validation(where + " entries must be objects");
            }
            unknownMembers(configuration, CONFIGURATION_MEMBERS, "Configuration");
            nonBlank(configuration.get("classification"), where + ".classification", 1024);
            if (configuration.has("properties")) {
                JsonNode properties = configuration.get("properties");
                if (!properties.isObject() || properties.size() > 100) {
                    throw ApiError.validation(where + ".properties must be a map of at most 100 entries");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (property.getKey().isBlank() || property.getKey().length() > 1024) {
                        throw ApiError.validation(where + ".properties key '" + property.getKey() + "' is not allowed");
                    }
                    nonBlank(property.getValue(), where + ".properties." + property.getKey(), 1024);
                }
            }
            if (configuration.has("configurations")) {
                configurationList(configuration.get("configurations"), where + ".configurations");
            }
        }
    }

    private static void tags(JsonNode tags) {
        if (!tags.isObject() || tags.size() > 200) {
            throw ApiError.validation("tags must be a map of at most 200 entries");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            if (!TAG_KEY.matcher(tag.getKey()).matches()
                    || !tag.getValue().isTextual()
                    || !TAG_VALUE.matcher(tag.getValue().asText()).matches()) {
                throw ApiError.validation("tag " + tag.getKey() + " failed to satisfy constraints");
            }
        }
    }

    private static void unknownMembers(JsonNode node, Set<String> allowed, String shape) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiError.validation("Unknown member '" + name + "' in " + shape);
            }
            if (node.get(name).isNull()) {
                throw ApiError.validation("Member '" + name + "' of " + shape + " is null; omit it instead");
            }
        }
    }

    private static void text(JsonNode request, String member, boolean required, Pattern pattern, int min, int max) {
        JsonNode value = request.get(member);
        if (value == null) {
            if (required) {
                throw ApiError.validation("Member '" + member + "' is required");
            }
            return;
        }
        String text = value.isTextual() ? value.asText() : "";
        if (text.length() < min || text.length() > max || !pattern.matcher(text).matches()) {
            throw ApiError.validation(
                    "1 validation error detected: Value at '" + member + "' failed to satisfy constraint");
        }
    }

    private static void nonBlank(JsonNode value, String where, int max) {
        if (value == null
                || !value.isTextual()
                || value.asText().isBlank()
                || value.asText().length() > max) {
            throw ApiError.validation(where + " must be 1.." + max + " characters and not blank");
        }
    }

    static void listQuery(Map<String, List<String>> query) {
        for (String key : query.keySet()) {
            if (!Set.of("nextToken", "maxResults", "states", "createdAtAfter", "createdAtBefore")
                    .contains(key)) {
                throw ApiError.validation("Unknown query parameter " + key);
            }
        }
        if (query.containsKey("maxResults")) {
            String value = query.get("maxResults").get(0);
            if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 50) {
                throw ApiError.validation("maxResults must be between 1 and 50");
            }
        }
        List<String> states = query.getOrDefault("states", List.of());
        if (states.size() > 8 || !STATES.containsAll(states)) {
            throw ApiError.validation("states must be 1 to 8 of " + STATES);
        }
        for (String bound : List.of("createdAtAfter", "createdAtBefore")) {
            if (query.containsKey(bound)) {
                try {
                    Instant.parse(query.get(bound).get(0));
                } catch (DateTimeParseException e) {
                    throw ApiError.validation(bound + " must be an ISO 8601 timestamp");
                }
            }
        }
    }

    static boolean createdWithin(Instant createdAt, Map<String, List<String>> query) {
        if (query.containsKey("createdAtAfter")
                && createdAt.isBefore(Instant.parse(query.get("createdAtAfter").get(0)))) {
            return false;
        }
        return !query.containsKey("createdAtBefore")
                || !createdAt.isAfter(Instant.parse(query.get("createdAtBefore").get(0)));
    }
}
