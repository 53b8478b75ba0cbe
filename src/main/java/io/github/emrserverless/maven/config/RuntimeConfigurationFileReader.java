package io.github.emrserverless.maven.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a runtime configuration file. It holds either a JSON array of configurations, or an object with
 * {@code runtimeConfiguration} (the StartSession {@code configurationOverrides} shape) or
 * {@code applicationConfiguration} (the StartJobRun shape, so job files can be reused); other members of
 * that object, such as {@code monitoringConfiguration}, do not apply to sessions and are ignored with a
 * warning.
 */
public final class RuntimeConfigurationFileReader {

    private static final TypeReference<List<ConfigurationJson>> CONFIGURATION_LIST = new TypeReference<>() {};
    private static final List<String> LIST_MEMBERS = List.of("runtimeConfiguration", "applicationConfiguration");

    private final ObjectMapper mapper;
    private final Consumer<String> warnings;

    public RuntimeConfigurationFileReader(ObjectMapper mapper, Consumer<String> warnings) {
        this.mapper = mapper;
        this.warnings = warnings;
    }

    public ConfigurationSource read(Path file) {
        // Streamed rather than read as a tree, so that every error keeps its line number.
        try (JsonParser parser = mapper.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            List<Configuration> configurations;
            if (first == JsonToken.START_ARRAY) {
                configurations = toConfigurations(mapper.readValue(parser, CONFIGURATION_LIST));
            } else if (first == JsonToken.START_OBJECT) {
                configurations = readObject(file, parser);
            } else {
                throw invalid(file, expectedShape());
            }
            if (parser.nextToken() != null) {
                throw invalid(file, "unexpected content after the end of the JSON value, line "
                        + parser.currentLocation().getLineNr() + ".");
            }
            return new ConfigurationSource("file " + file, configurations);
        } catch (FileNotFoundException | NoSuchFileException e) {
            throw invalid(file, "no such file.");
        } catch (JsonProcessingException e) {
            // Not kept as the cause: Maven would append Jackson's own long message to the build error.
            throw new InvalidConfigurationException(describe(file, e));
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
                throw invalid(file, name + " (line " + parser.currentLocation().getLineNr()
                        + ") must be a JSON array of configurations.");
            } else {
                listMember = name;
                configurations = toConfigurations(mapper.readValue(parser, CONFIGURATION_LIST));
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

    /**
     * A configuration as written in a file. A mutable bean, not the {@link Configuration} record: Jackson
     * reports an unknown member of a bean where it stands, but one of a record only at the object's end.
     */
    static final class ConfigurationJson {
        public String classification;
        public LinkedHashMap<String, String> properties;
        public List<ConfigurationJson> configurations;
    }

    private static List<Configuration> toConfigurations(List<ConfigurationJson> list) {
        List<Configuration> result = new ArrayList<>();
        if (list != null) {
            for (ConfigurationJson json : list) {
                result.add(new Configuration(json.classification, json.properties, toConfigurations(json.configurations)));
            }
        }
        return result;
    }

    private static InvalidConfigurationException invalid(Path file, String problem) {
        return new InvalidConfigurationException("Invalid <runtimeConfigurationFiles> entry " + file + ": " + problem);
    }

    private static String expectedShape() {
        return "expected a JSON array of configurations, or an object with runtimeConfiguration"
                + " or applicationConfiguration.";
    }

    private static String describe(Path file, JsonProcessingException e) {
        StringBuilder message = new StringBuilder("Invalid <runtimeConfigurationFiles> entry ").append(file);
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message.append(", line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            message.append(": unknown member '").append(unknown.getPropertyName())
                    .append("' in a configuration; allowed: classification, properties, configurations.");
        } else {
            message.append(": ").append(e.getOriginalMessage());
        }
        return message.toString();
    }
}
