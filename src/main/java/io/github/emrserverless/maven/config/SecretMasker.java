package io.github.emrserverless.maven.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Replaces the values of properties whose keys look secret, for anything that is printed. */
public final class SecretMasker {

    public static final String MASK = "****";
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "token", "credential", "key");

    private SecretMasker() {}

    public static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    public static List<Configuration> mask(List<Configuration> configurations) {
        return configurations.stream().map(SecretMasker::mask).toList();
    }

    private static Configuration mask(Configuration configuration) {
        Map<String, String> properties = new LinkedHashMap<>();
        configuration.properties().forEach((key, value) -> properties.put(key, looksSecret(key) ? MASK : value));
        return new Configuration(configuration.classification(), properties, mask(configuration.configurations()));
    }
}
