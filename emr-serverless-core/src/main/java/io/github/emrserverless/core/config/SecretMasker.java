package io.github.emrserverless.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks what looks secret in runtime configuration, for anything that is printed: the values of secret-looking
 * keys, and inside other values the user-info of URLs ({@code jdbc:mysql://user:pass@host}) and secret-looking
 * query parameters ({@code ?password=...}).
 */
public final class SecretMasker {

    public static final String MASK = "****";
    private static final List<String> SECRET_WORDS =
            List.of("password", "passwd", "passphrase", "secret", "token", "credential", "key");
    /**
     * Short words that name a secret only as a whole part of a key ({@code db.pwd}, {@code ldap.pass}), not inside
     * another word ({@code spark.sql.passthrough}, {@code design}).
     */
    private static final Pattern SECRET_PART =
            Pattern.compile("(?i)(^|[._\\s-])(pass|pwd|sig|signature|sas)([._\\s-]|$)");
    /** {@code scheme://user:password@}: the password goes, the user stays. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(//[^/@:\\s]*):[^/@\\s]*@");
    /** {@code password=...}, {@code secret=...} and the like, up to the next separator. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;,\\s]?[\\w.-]*(?:password|passwd|passphrase|pwd|secret|token|credential|apikey|api_key)[\\w.-]*=)"
                    + "[^&;,\\s]+");
    /** Query parameters whose short names are secrets only as whole names: {@code sig=} of an Azure SAS, {@code pass=}. */
    private static final Pattern SECRET_SHORT_PARAMETER =
            Pattern.compile("(?i)((?:^|[?&;,\\s])(?:pass|pwd|sig|signature|sas)=)[^&;,\\s]+");

    private SecretMasker() {}

    public static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains)
                || SECRET_PART.matcher(key).find();
    }

    /** A value with the secret parts it holds masked. */
    public static String maskValue(String value) {
        if (value == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(value).replaceAll("$1:" + MASK + "@");
        masked = SECRET_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
        return SECRET_SHORT_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    public static List<Configuration> mask(List<Configuration> configurations) {
        return configurations.stream().map(SecretMasker::mask).toList();
    }

    private static Configuration mask(Configuration configuration) {
        Map<String, String> properties = new LinkedHashMap<>();
        configuration
                .properties()
                .forEach((key, value) -> properties.put(key, looksSecret(key) ? MASK : maskValue(value)));
        return new Configuration(configuration.classification(), properties, mask(configuration.configurations()));
    }
}
