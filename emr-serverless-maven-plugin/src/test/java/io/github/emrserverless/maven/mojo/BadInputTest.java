package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of invalid input, one case per constraint: each run of start-session fails with a message that
 * names the parameter, where its value came from and what is allowed, and the emulator sees no request.
 */
@MojoTest
class BadInputTest {

    static final String POM = "classpath:/mojo/start-session-pom.xml";
    static final String BAD = "src/test/resources/mojo/bad/";

    @Inject
    MavenSession session;

    EmrServerlessEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .anyAccessKeyWithSecret(System.getProperty("aws.secretAccessKey"))
                .application(ApplicationSpec.started("appready"))
                .start();
        session.getUserProperties()
                .setProperty("emr-serverless.endpoint", emulator.uri().toString());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** What to change in a valid configuration: a field, and maybe a -D property naming the source. */
    record Case(String name, BiConsumer<StartSessionMojo, MavenSession> change, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case field(String name, String field, Object value, String expected) {
        return new Case(name, (mojo, session) -> MojoExtensionSupport.set(mojo, field, value), expected);
    }

    static Case commandLine(String name, String field, Object value, String expected) {
        return new Case(
                name,
                (mojo, session) -> {
                    MojoExtensionSupport.set(mojo, field, value);
                    session.getUserProperties().setProperty("emr-serverless." + field, String.valueOf(value));
                },
                expected);
    }

    static Case userProperty(String name, String property, String value, String expected) {
        return new Case(name, (mojo, session) -> session.getUserProperties().setProperty(property, value), expected);
    }

    static Case files(String name, String file, String expected) {
        return new Case(
                name,
                (mojo, session) -> MojoExtensionSupport.set(
                        mojo, "runtimeConfigurationFiles", List.of(new File(BAD + file).getAbsoluteFile())),
                expected);
    }

    static Case pomConfiguration(String name, RuntimeConfigurationEntry configuration, String expected) {
        return field(name, "runtimeConfiguration", List.of(configuration), expected);
    }

    static RuntimeConfigurationEntry configuration(String classification, Map<String, String> properties) {
        RuntimeConfigurationEntry configuration = new RuntimeConfigurationEntry();
        configuration.setClassification(classification);
        configuration.setProperties(new LinkedHashMap<>(properties));
        return configuration;
    }

    static LinkedHashMap<String, String> many(int count, String prefix) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put(prefix + i, "v");
        }
        return map;
    }

    static Stream<Arguments> cases() {
        List<RuntimeConfigurationEntry> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(configuration("c" + i, Map.of("k", "v")));
        }
        return Stream.of(
                        commandLine(
                                "application id pattern",
                                "applicationId",
                                "My-App",
                                "Invalid <applicationId> 'My-App' (from -Demr-serverless.applicationId); allowed: 1 to 64 characters of 0-9 and a-z"),
                        field(
                                "application id length",
                                "applicationId",
                                "a".repeat(65),
                                "Invalid <applicationId> '" + "a".repeat(65)
                                        + "' (from POM <applicationId>); allowed: 1 to 64"),
                        field(
                                "application id missing",
                                "applicationId",
                                null,
                                "Missing <applicationId>. Set it in the plugin configuration or pass -Demr-serverless.applicationId=<id>."),
                        commandLine(
                                "role ARN of a user",
                                "executionRoleArn",
                                "arn:aws:iam::123456789012:user/bob",
                                "Invalid <executionRoleArn> 'arn:aws:iam::123456789012:user/bob' (from -Demr-serverless.executionRoleArn); allowed: an IAM role ARN"),
                        field(
                                "role ARN account",
                                "executionRoleArn",
                                "arn:aws:iam::1234:role/r",
                                "Invalid <executionRoleArn> 'arn:aws:iam::1234:role/r' (from POM <executionRoleArn>)"),
                        field("role ARN missing", "executionRoleArn", null, "Missing <executionRoleArn>."),
                        field(
                                "name blank",
                                "name",
                                "  ",
                                "Invalid <name> '  ' (from POM <name>); allowed: 1 to 256 characters, not blank."),
                        commandLine(
                                "name too long",
                                "name",
                                "n".repeat(257),
                                "Invalid <name> '" + "n".repeat(80)
                                        + "...' (257 characters) (from -Demr-serverless.name)"),
                        commandLine(
                                "idle timeout zero",
                                "idleTimeoutMinutes",
                                0L,
                                "Invalid <idleTimeoutMinutes> '0' (from -Demr-serverless.idleTimeoutMinutes); allowed: 1 to 1000000 minutes"),
                        field(
                                "idle timeout too long",
                                "idleTimeoutMinutes",
                                1_000_001L,
                                "Invalid <idleTimeoutMinutes> '1000001' (from POM <idleTimeoutMinutes>)"),
                        field(
                                "too many tags",
                                "tags",
                                many(201, "k"),
                                "entries, default tags included) (from POM <tags>); allowed: at most 200 tags"),
                        field(
                                "tag key character",
                                "tags",
                                new LinkedHashMap<>(Map.of("team#1", "x")),
                                "Invalid <tags> key 'team#1' (from POM <tags>)"),
                        field(
                                "tag value length",
                                "tags",
                                new LinkedHashMap<>(Map.of("k", "v".repeat(257))),
                                "Invalid <tags> value of key 'k'"),
                        commandLine(
                                "client token character",
                                "clientToken",
                                "a b",
                                "Invalid <clientToken> 'a b' (from -Demr-serverless.clientToken)"),
                        field(
                                "client token length",
                                "clientToken",
                                "t".repeat(65),
                                "Invalid <clientToken> '" + "t".repeat(65) + "' (from POM <clientToken>)"),
                        pomConfiguration(
                                "classification blank",
                                configuration(" ", Map.of("k", "v")),
                                "Invalid runtime configuration from POM <runtimeConfiguration>: classification ' ' is not allowed; allowed: 1 to 1024 characters, not blank."),
                        pomConfiguration(
                                "property value empty",
                                configuration("spark-defaults", Map.of("spark.x", "")),
                                "Invalid runtime configuration from POM <runtimeConfiguration>: property spark.x of classification 'spark-defaults' has an empty value"),
                        field(
                                "property value too long",
                                "sparkProperties",
                                new LinkedHashMap<>(Map.of("spark.x", "v".repeat(1025))),
                                "Invalid runtime configuration from POM <sparkProperties>: property spark.x of classification 'spark-defaults' has a value of 1025 characters; allowed: at most 1024."),
                        pomConfiguration(
                                "property key too long",
                                configuration("spark-defaults", Map.of("k".repeat(1025), "v")),
                                "Invalid runtime configuration from POM <runtimeConfiguration>: classification 'spark-defaults' has property key"),
                        pomConfiguration(
                                "too many properties",
                                configuration("spark-defaults", many(101, "spark.p")),
                                "Invalid runtime configuration from POM <runtimeConfiguration>: classification 'spark-defaults' has 101 properties; allowed: at most 100."),
                        field(
                                "too many configurations",
                                "runtimeConfiguration",
                                tooMany,
                                "Invalid runtime configuration from POM <runtimeConfiguration>: the list has 101 configurations; allowed: at most 100."),
                        files("malformed JSON file", "malformed.json", "Invalid <runtimeConfigurationFiles> entry "),
                        files(
                                "wrongly shaped file",
                                "wrong-shape.json",
                                "expected a JSON array of configurations, or an object with runtimeConfiguration or applicationConfiguration."),
                        files("unknown member in a file", "unknown-member.json", "line 2, column "),
                        files("number instead of string in a file", "number-value.json", "line 1, column "),
                        files("missing file", "nope.json", "no such file."),
                        userProperty(
                                "override key without property",
                                "emr-serverless.conf.spark-defaults",
                                "x",
                                "Invalid command-line property -Demr-serverless.conf.spark-defaults: expected -Demr-serverless.conf.<classification>.<key>=<value>"),
                        userProperty(
                                "override value empty",
                                "emr-serverless.conf.spark-defaults.spark.x",
                                " ",
                                "Invalid runtime configuration from -Demr-serverless.conf.<classification>.<key>: property spark.x of classification 'spark-defaults' has an empty value"),
                        commandLine(
                                "wait timeout format",
                                "waitTimeout",
                                "soon",
                                "Invalid <waitTimeout> 'soon' (from -Demr-serverless.waitTimeout); allowed: an ISO-8601 duration"),
                        commandLine(
                                "endpoint not https",
                                "endpoint",
                                "http://emr.example.com",
                                "Invalid <endpoint> 'http://emr.example.com' (from -Demr-serverless.endpoint); allowed: an absolute https URL"),
                        field(
                                "region format",
                                "region",
                                "EU",
                                "Invalid <region> 'EU' (from POM <region>); allowed: an AWS region id"),
                        field(
                                "max attempts",
                                "maxAttempts",
                                0,
                                "Invalid <maxAttempts> '0' (from POM <maxAttempts>); allowed: 1 to 20."),
                        field(
                                "role to assume",
                                "roleArn",
                                "arn:aws:iam::123456789012:user/x",
                                "Invalid <roleArn> 'arn:aws:iam::123456789012:user/x' (from POM <roleArn>)"),
                        new Case(
                                "role duration",
                                (mojo, session) -> {
                                    MojoExtensionSupport.set(mojo, "roleArn", "arn:aws:iam::123456789012:role/ci");
                                    MojoExtensionSupport.set(mojo, "roleDurationSeconds", 60);
                                },
                                "Invalid <roleDurationSeconds> '60' (from POM <roleDurationSeconds>); allowed: 900 to 43200"),
                        field(
                                "unknown settings server",
                                "serverId",
                                "nope",
                                "Invalid <serverId> 'nope' (from POM <serverId>): settings.xml has no <server> with that <id>."),
                        field(
                                "empty session id property",
                                "sessionIdProperty",
                                " ",
                                "Invalid <sessionIdProperty> ' ' (from POM <sessionIdProperty>); allowed: a property name such as emr-serverless.sessionId."))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @InjectMojo(goal = "start-session", pom = POM)
    void failsBeforeAnyCallNamingParameterAndSource(Case badInput, StartSessionMojo mojo) {
        badInput.change().accept(mojo, session);
        mojo.setLog(new CapturingLog());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .message()
                .contains(badInput.expected());
        assertThat(emulator.calls()).isEmpty();
    }
}
