package io.github.emrserverless.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How parameter values are read (an empty or blank value is no value), and short stable names for long ones. */
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

    /** The first {@code bytes} bytes of the text's SHA-256 (UTF-8), in hex: a short, stable name for an identity. */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
