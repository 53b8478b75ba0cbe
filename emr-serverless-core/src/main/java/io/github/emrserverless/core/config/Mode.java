package io.github.emrserverless.core.config;

import java.util.Locale;

/** Where sessions run: on EMR Serverless, or as a Spark Connect server on this machine. */
public enum Mode {
    AWS,
    LOCAL;

    /** {@code aws} or {@code local}, in any case; blank means aws. */
    public static Mode parse(String text, ParameterOrigin origin) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "aws" -> AWS;
            case "local" -> LOCAL;
            default ->
                throw InvalidConfigurationException.invalid(
                        "mode",
                        text,
                        origin,
                        "aws (EMR Serverless, the default) or local (a Spark Connect server on this machine, no AWS)");
        };
    }
}
