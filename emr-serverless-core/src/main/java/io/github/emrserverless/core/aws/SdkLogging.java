package io.github.emrserverless.core.aws;

import org.slf4j.LoggerFactory;

/**
 * Keeps the SDK's own loggers above debug, even under {@code mvn -X}: at debug its signer logs the
 * canonical request, security token header included. Maven 3.9 and 4 configure their SLF4J loggers from
 * {@code org.slf4j.simpleLogger.log.<name>} system properties when a logger is first created, so this must
 * run before the first SDK class loads. A value the user set explicitly is left alone.
 */
public final class SdkLogging {

    static final String SDK_LOGGER = "software.amazon.awssdk";
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log." + SDK_LOGGER;
    private static final String SIGNER_LOGGER =
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultV4RequestSigner";

    private SdkLogging() {}

    /** @return false when SDK debug logging stays on anyway (set by the user, or fixed earlier in this JVM) */
    public static boolean keepSdkLoggersQuiet() {
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "info");
        }
        return !LoggerFactory.getLogger(SIGNER_LOGGER).isDebugEnabled();
    }
}
