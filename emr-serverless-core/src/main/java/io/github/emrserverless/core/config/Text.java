package io.github.emrserverless.core.config;

/** How parameter values are read: an empty or blank value is no value. */
public final class Text {

    private Text() {}

    /** The value as it is, or null when it is null or blank: for secrets, whose spaces may belong to them. */
    public static String untrimmedOrNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The value trimmed, or null when it is null or blank. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
