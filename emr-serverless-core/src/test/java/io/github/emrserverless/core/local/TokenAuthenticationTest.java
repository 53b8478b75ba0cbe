package io.github.emrserverless.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local server's token check, run against the shaded gRPC of each Spark Connect server localSparkVersion is
 * tested with (the jars the build copies to target/spark-connect-servers/<version>): the oldest accepted and the default.
 */
class TokenAuthenticationTest {

    static final String TOKEN = "q2V0aGlzLWlzLWEtdGVzdA";
    static final Path SERVERS = Path.of("target", "spark-connect-servers");

    @BeforeEach
    void token() {
        System.setProperty(TokenAuthentication.TOKEN_PROPERTY, TOKEN);
    }

    @AfterEach
    void noToken() {
        System.clearProperty(TokenAuthentication.TOKEN_PROPERTY);
    }

    static Stream<String> versions() {
        return Stream.of(System.getProperty("spark.oldest.version"), System.getProperty("spark.default.version"));
    }

    @ParameterizedTest(name = "Spark {0}")
    @MethodSource("versions")
    void theTokenPassesInEitherHeaderAndNothingElseDoes(String version) throws Exception {
        List<URL> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(SERVERS.resolve(version))) {
            for (Path jar : jars.toList()) {
                classpath.add(jar.toUri().toURL());
            }
        }
        assertThat(classpath)
                .as("copied by the build (generate-test-resources)")
                .hasSize(2);
        classpath.add(classes("classes"));
        classpath.add(classes("test-classes"));
        try (URLClassLoader server =
                new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(call(server, "Bearer " + TOKEN, null)).isEqualTo("STARTED");
            assertThat(call(server, "bearer " + TOKEN, null)).isEqualTo("STARTED");
            assertThat(call(server, null, TOKEN)).isEqualTo("STARTED");
            assertThat(call(server, null, null)).isEqualTo("UNAUTHENTICATED");
            assertThat(call(server, "Bearer wrong", null)).isEqualTo("UNAUTHENTICATED");
            assertThat(call(server, null, TOKEN + "x")).isEqualTo("UNAUTHENTICATED");
            assertThat(call(server, TOKEN, null))
                    .as("without the Bearer scheme")
                    .isEqualTo("UNAUTHENTICATED");
            // Spark registers it through this interface, loaded from its own jar.
            assertThat(server.loadClass("org.sparkproject.connect.grpc.ServerInterceptor")
                            .isAssignableFrom(server.loadClass(TokenAuthentication.class.getName())))
                    .isTrue();
        }
    }

    @Test
    void withoutATokenTheServerDoesNotStart() {
        System.clearProperty(TokenAuthentication.TOKEN_PROPERTY);

        assertThatThrownBy(TokenAuthentication::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TokenAuthentication.TOKEN_PROPERTY);
    }

    private static String call(ClassLoader server, String authorization, String proxyAuth) throws Exception {
        try {
            return (String) server.loadClass(AuthenticationProbe.class.getName())
                    .getMethod("call", String.class, String.class)
                    .invoke(null, authorization, proxyAuth);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private static URL classes(String folder) throws Exception {
        Path path = Path.of("target", folder);
        assertThat(Files.isDirectory(path)).isTrue();
        return path.toUri().toURL();
    }
}
