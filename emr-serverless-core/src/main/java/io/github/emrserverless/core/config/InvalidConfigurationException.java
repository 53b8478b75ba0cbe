package io.github.emrserverless.core.config;

/**
 * Input that breaks a documented constraint. Every message is made here, so that all of them read alike:
 * what is wrong, where the value came from, and what is allowed; long values are shortened by one rule.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_CHARACTERS = 80;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code Invalid <parameter> 'value' (from POM <parameter>); allowed: ...}. */
    public static InvalidConfigurationException invalid(
            String parameter, Object value, ParameterOrigin origin, String allowed) {
        return invalid("<" + parameter + "> " + quote(value), origin.of(parameter), allowed);
    }

    /**
     * {@code Invalid <subject> (from source); allowed: ...}, for a part of a parameter (a tag key, a file entry)
     * or a value from elsewhere (a configuration file).
     */
    public static InvalidConfigurationException invalid(String subject, String source, String allowed) {
        return new InvalidConfigurationException(
                "Invalid " + subject + " (from " + source + "); allowed: " + allowed + ".");
    }

    /** {@code Invalid <parameter> 'value' (from ...): problem. fix}, where the value has the right form but cannot be used. */
    public static InvalidConfigurationException unusable(
            String parameter, Object value, ParameterOrigin origin, String problem) {
        return new InvalidConfigurationException(
                "Invalid <" + parameter + "> " + quote(value) + " (from " + origin.of(parameter) + "): " + problem);
    }

    /**
     * {@code Invalid subject: problem}, where the subject says its own source: a file entry with its line and
     * column, a command-line property, the merged runtime configuration.
     */
    public static InvalidConfigurationException invalid(String subject, String problem) {
        return new InvalidConfigurationException("Invalid " + subject + ": " + problem);
    }

    /** {@code Missing <parameter>. <how the front end behind the origin reads it>[; alternative].} */
    public static InvalidConfigurationException missing(
            ParameterOrigin origin, String parameter, String example, String alternative) {
        return new InvalidConfigurationException("Missing <" + parameter + ">. " + origin.howToSet(parameter, example)
                + (alternative == null ? "." : "; " + alternative + "."));
    }

    /** A value as messages show it: quoted, and cut after 80 characters with its length said. */
    public static String quote(Object value) {
        if (value == null) {
            return "(missing)";
        }
        String text = String.valueOf(value);
        return text.length() > SHOWN_CHARACTERS
                ? "'" + text.substring(0, SHOWN_CHARACTERS) + "...' (" + text.length() + " characters)"
                : "'" + text + "'";
    }
}
