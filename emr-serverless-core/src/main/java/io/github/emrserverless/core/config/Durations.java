package io.github.emrserverless.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users write ({@code PT20M}, {@code 90s}, {@code 20m}, {@code 1h}) and prints them. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    public static final String ALLOWED = "an ISO-8601 duration such as PT20M, or a number with ms, s, m or h"
            + " such as 90s, 20m or 1h, greater than zero";

    private Durations() {}

    /** @throws IllegalArgumentException when the text is neither form, or not positive */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        Duration duration;
        Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                duration = Duration.parse(trimmed);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED, e);
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
        }
        return duration;
    }

    /** Parses a parameter's value; an invalid one names the parameter, its source and what is allowed. */
    public static Duration parse(String text, String parameter, ParameterOrigin origin) {
        try {
            return parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw InvalidConfigurationException.invalid(parameter, text, origin, ALLOWED);
        }
    }

    /** Short human form: 850ms, 12s, 3m05s, 1h02m. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
