package io.github.emrserverless.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a runtime configuration file. It holds either a JSON array of configurations, or an object with
 * {@code runtimeConfiguration} (the StartSession {@code configurationOverrides} shape) or
 * {@code applicationConfiguration} (the StartJobRun shape, so job files can be reused); other members of
 * that object, such as {@code monitoringConfiguration}, do not apply to sessions and are ignored with a
 * warning.
 */
public final class RuntimeConfigurationFileReader {

    private static final String ENTRY = "<runtimeConfigurationFiles> entry ";
    static final long MAX_BYTES = 1024 * 1024;

    private static final List<String> LIST_MEMBERS = List.of("runtimeConfiguration", "applicationConfiguration");
    private static final String CONFIGURATION_MEMBERS = "classification, properties, configurations";

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Consumer<String> warnings;

    public RuntimeConfigurationFileReader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    public ConfigurationSource read(Path file) {
        checkSize(file);
        // Streamed rather than read as a tree or bound to types, so that every error keeps its line number.
        try (JsonParser parser = factory.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            List<Configuration> configurations;
            if (first == JsonToken.START_ARRAY) {
                configurations = readList(parser);
            } else if (first == JsonToken.START_OBJECT) {
                configurations = readObject(file, parser);
            } else {
                throw invalid(file, expectedShape());
            }
            if (parser.nextToken() != null) {
                throw invalid(
                        file,
                        "unexpected content after the end of the JSON value, line "
                                + parser.currentLocation().getLineNr() + ".");
            }
            return new ConfigurationSource("file " + file, configurations);
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw invalid(file, "no such file.");
        } catch (JsonProcessingException e) {
            // Not kept as the cause: Maven would append Jackson's own long message to the build error.
            throw describe(file, e);
        } catch (IOException e) {
            throw invalid(file, "cannot be read: " + e.getMessage());
        }
    }

    /** A configuration file is small; a large one is a mistake (a wrong path), refused before it is parsed. */
    private static void checkSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw invalid(file, "it has " + size + " bytes; allowed: at most 1 MiB (" + MAX_BYTES + " bytes).");
            }
        } catch (NoSuchFileException e) {
            throw invalid(file, "no such file.");
        } catch (IOException e) {
            throw invalid(file, "cannot be read: " + e.getMessage());
        }
    }

    private List<Configuration> readObject(Path file, JsonParser parser) throws IOException {
        List<Configuration> configurations = null;
        String listMember = null;
        List<String> ignored = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (!LIST_MEMBERS.contains(name)) {
                ignored.add(name);
                parser.skipChildren();
            } else if (listMember != null) {
                throw invalid(file, "it has both " + listMember + " and " + name + "; keep one.");
            } else if (value != JsonToken.START_ARRAY) {
                throw invalid(
                        file,
                        name + " (line " + parser.currentLocation().getLineNr()
                                + ") must be a JSON array of configurations.");
            } else {
                listMember = name;
                configurations = readList(parser);
            }
        }
        if (listMember == null) {
            throw invalid(file, expectedShape());
        }
        if (!ignored.isEmpty()) {
            warnings.accept("Ignoring " + String.join(", ", ignored) + " in " + file
                    + ": sessions take only runtime configuration.");
        }
        return configurations;
    }

    /** A JSON array of configurations; the parser is on its START_ARRAY. */
    private static List<Configuration> readList(JsonParser parser) throws IOException {
        List<Configuration> configurations = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(
                    parser,
                    JsonToken.START_OBJECT,
                    "a configuration must be a JSON object with " + CONFIGURATION_MEMBERS);
            configurations.add(readConfiguration(parser));
        }
        return configurations;
    }

    private static Configuration readConfiguration(JsonParser parser) throws IOException {
        String classification = null;
        Map<String, String> properties = null;
        List<Configuration> nested = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String member = parser.currentName();
            JsonLocation at = parser.currentTokenLocation();
            JsonToken value = parser.nextToken();
            switch (member) {
                case "classification" ->
                    classification = value == JsonToken.VALUE_NULL ? null : text(parser, "classification");
                case "properties" -> properties = value == JsonToken.VALUE_NULL ? null : readProperties(parser);
                case "configurations" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        expect(parser, JsonToken.START_ARRAY, "configurations must be a JSON array of configurations");
                        nested = readList(parser);
                    }
                }
                default ->
                    throw new ShapeException(
                            parser,
                            "unknown member '" + member + "' in a configuration; allowed: " + CONFIGURATION_MEMBERS
                                    + ".",
                            at);
            }
        }
        return new Configuration(classification, properties, nested);
    }

    private static Map<String, String> readProperties(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT, "properties must be a JSON object of string values");
        Map<String, String> properties = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            properties.put(key, text(parser, "property '" + key + "'"));
        }
        return properties;
    }

    /** The current value as text; a number or boolean is refused, as a silent conversion hides a typo. */
    private static String text(JsonParser parser, String what) throws IOException {
        expect(parser, JsonToken.VALUE_STRING, what + " must be a JSON string");
        return parser.getText();
    }

    private static void expect(JsonParser parser, JsonToken expected, String requirement) throws ShapeException {
        if (parser.currentToken() != expected) {
            throw new ShapeException(
                    parser,
                    requirement + ", not " + describe(parser.currentToken()) + ".",
                    parser.currentTokenLocation());
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> String.valueOf(token);
        };
    }

    private static InvalidConfigurationException invalid(Path file, String problem) {
        return InvalidConfigurationException.invalid(ENTRY + file, problem);
    }

    private static String expectedShape() {
        return "expected a JSON array of configurations, or an object with runtimeConfiguration"
                + " or applicationConfiguration.";
    }

    private static InvalidConfigurationException describe(Path file, JsonProcessingException e) {
        StringBuilder subject = new StringBuilder(ENTRY).append(file);
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            subject.append(", line ")
                    .append(location.getLineNr())
                    .append(", column ")
                    .append(location.getColumnNr());
        }
        return InvalidConfigurationException.invalid(subject.toString(), problem(e));
    }

    /**
     * What is wrong, in this reader's words: Jackson's own messages quote the text they stumbled on, and a file
     * of runtime configuration can hold a secret (a token pasted where a quote is missing), which must not
     * reach the build log.
     */
    private static String problem(JsonProcessingException e) {
        if (e instanceof ShapeException) {
            return e.getOriginalMessage();
        }
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field '")) {
            // Only the member's name, which the file's author chose as a key.
            return message.substring(0, message.indexOf('\'', "Duplicate field '".length()) + 1)
                    + ": a member may appear once.";
        }
        return "not valid JSON here (the file's text is not repeated in messages, as it may hold secrets).";
    }

    /** A well-formed file of the wrong shape: the message is this reader's own, with member names only. */
    private static final class ShapeException extends JsonParseException {
        private static final long serialVersionUID = 1L;

        ShapeException(JsonParser parser, String message, JsonLocation location) {
            super(parser, message, location);
        }
    }
}
