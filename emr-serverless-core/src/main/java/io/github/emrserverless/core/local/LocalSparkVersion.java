package io.github.emrserverless.core.local;

import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.ParameterOrigin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code localSparkVersion}: a Spark release whose Spark Connect server runs what EMR Serverless sessions run. */
final class LocalSparkVersion {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private LocalSparkVersion() {}

    static String checked(String text, ParameterOrigin origin) {
        String version = text == null ? "" : text.trim();
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches() || !supported(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))) {
            throw InvalidConfigurationException.invalid(
                    "localSparkVersion",
                    text,
                    origin,
                    "a Spark release of 3.5.x (as emr-7.x runs) or 4.0.0 or later (as emr-spark-8.x runs) whose"
                            + " org.apache.spark:spark-connect_2.12 (3.5) or _2.13 (4.x) your repositories serve, such"
                            + " as 3.5.7 or " + LocalSessions.DEFAULT_SPARK_VERSION + " (the default)");
        }
        return version;
    }

    /** Spark Connect servers exist from 3.4; sessions on EMR Serverless run 3.5 (emr-7.x) or 4.x (emr-spark-8.x). */
    private static boolean supported(int major, int minor) {
        return major >= 4 || (major == 3 && minor == 5);
    }
}
