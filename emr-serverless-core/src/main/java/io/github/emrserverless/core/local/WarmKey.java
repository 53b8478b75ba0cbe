package io.github.emrserverless.core.local;

import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.Text;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What makes two warm local servers interchangeable: the Spark version, the Java that runs it, and the merged
 * runtime configuration with secret values masked (as the reuse key on AWS), hashed.
 */
final class WarmKey {

    private WarmKey() {}

    static String of(String sparkVersion, Path java, List<Configuration> maskedConfigurations) {
        String identity =
                "spark " + sparkVersion + "\njava " + java.toAbsolutePath().normalize() + "\n"
                        + maskedConfigurations.stream()
                                .map(configuration -> configuration.toJson().toString())
                                .collect(Collectors.joining("\n"));
        return Text.sha256Hex(identity, 12);
    }
}
