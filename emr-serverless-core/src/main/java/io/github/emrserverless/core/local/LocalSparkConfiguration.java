package io.github.emrserverless.core.local;

import io.github.emrserverless.core.config.Configuration;
import io.github.emrserverless.core.config.InvalidConfigurationException;
import io.github.emrserverless.core.config.MergedConfiguration;
import io.github.emrserverless.core.support.Reporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of the merged runtime configuration applies to a local server: the {@code spark-defaults} properties.
 * The two that size and shape the driver's JVM become its launch options, as spark-submit would make them;
 * the JVM is already running when Spark would read them.
 *
 * @param sparkProperties the spark-defaults properties, for the server's SparkConf
 * @param heapMegabytes {@code spark.driver.memory} (default 1g, Spark's default), as the JVM's -Xmx
 * @param javaOptions {@code spark.driver.extraJavaOptions}, split at white space
 */
record LocalSparkConfiguration(Map<String, String> sparkProperties, long heapMegabytes, List<String> javaOptions) {

    static final String SPARK_DEFAULTS = "spark-defaults";
    static final String DRIVER_MEMORY = "spark.driver.memory";
    static final String DRIVER_JAVA_OPTIONS = "spark.driver.extraJavaOptions";
    private static final long DEFAULT_HEAP_MEGABYTES = 1024;
    /** Spark's size syntax for memory: a number with k, m, g or t (and an optional b); no unit means MiB. */
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*([kmgt])?b?", Pattern.CASE_INSENSITIVE);

    public LocalSparkConfiguration {
        sparkProperties = Map.copyOf(sparkProperties);
        javaOptions = List.copyOf(javaOptions);
    }

    /** Warns once about the classifications that have no meaning on a local server. */
    public static LocalSparkConfiguration of(MergedConfiguration merged, Reporter reporter) {
        Map<String, String> spark = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Configuration configuration : merged.configurations()) {
            if (SPARK_DEFAULTS.equals(configuration.classification())) {
                spark.putAll(configuration.properties());
            } else {
                ignored.add(configuration.classification());
            }
        }
        if (!ignored.isEmpty()) {
            reporter.warn("Local mode applies only the spark-defaults classification; " + String.join(", ", ignored)
                    + " do" + (ignored.size() == 1 ? "es" : "") + " not apply to a local server and"
                    + (ignored.size() == 1 ? " is" : " are") + " left out.");
        }
        String memory = spark.get(DRIVER_MEMORY);
        long heap = memory == null
                ? DEFAULT_HEAP_MEGABYTES
                : megabytes(memory, merged.sourceOf(SPARK_DEFAULTS, DRIVER_MEMORY));
        String options = spark.getOrDefault(DRIVER_JAVA_OPTIONS, "").trim();
        return new LocalSparkConfiguration(
                spark, heap, options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")));
    }

    private static long megabytes(String value, String source) {
        Matcher size = SIZE.matcher(value.trim());
        if (!size.matches()) {
            throw InvalidConfigurationException.invalid(
                    "spark-defaults " + DRIVER_MEMORY + " " + InvalidConfigurationException.quote(value),
                    source,
                    "a size such as 2g or 1536m (no unit: MiB)");
        }
        long number = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "m" : size.group(2).toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "k" -> Math.max(1, number / 1024);
            case "g" -> number * 1024;
            case "t" -> number * 1024 * 1024;
            default -> number;
        };
    }
}
