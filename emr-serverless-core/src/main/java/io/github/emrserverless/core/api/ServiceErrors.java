package io.github.emrserverless.core.api;

import java.util.Locale;

/** Turns a failed call into one sentence that says what happened and what to do about it. */
public final class ServiceErrors {

    private ServiceErrors() {}

    /**
     * @param operation the API operation, e.g. {@code StartSession}
     * @param subject what it was about, e.g. {@code application 00abc}
     */
    public static String describe(String operation, String subject, ServiceException e) {
        String prefix = operation + " failed for " + subject + ": ";
        if (e.answered()) {
            String code = e.errorCode();
            return prefix + code + ": " + e.serviceMessage() + advice(operation, code, e);
        }
        return prefix + e.getMessage() + clientAdvice(e);
    }

    private static String advice(String operation, String code, ServiceException e) {
        String lower = e.serviceMessage() == null ? "" : e.serviceMessage().toLowerCase(Locale.ROOT);
        if ("ValidationException".equals(code)
                && "StartSession".equals(operation)
                && (lower.contains("interactive") || lower.contains("session") || lower.contains("release"))) {
            return ". Sessions need an application with interactiveConfiguration.sessionEnabled=true and release"
                    + " emr-7.13.0 or later: aws emr-serverless update-application --application-id <id>"
                    + " --interactive-configuration sessionEnabled=true";
        }
        if (e instanceof ServiceException.NotFoundException) {
            return ". Check <applicationId> and that <region> is the application's region.";
        }
        if ("ServiceQuotaExceededException".equals(code)) {
            return ". A service quota was reached (for example concurrent sessions or vCPUs): terminate sessions"
                    + " you no longer need or request a quota increase in Service Quotas.";
        }
        if (e instanceof ServiceException.ConflictException && "StartSession".equals(operation)) {
            return ". The clientToken was already used with different parameters: remove <clientToken> to let"
                    + " the plugin generate a fresh one.";
        }
        if (e.isAccessDenied()) {
            if ("AccessDeniedException".equals(code)) {
                return ". The credentials in use may not call emr-serverless:" + operation
                        + ": grant it in IAM (see the README, IAM permissions).";
            }
            return ". The credentials were rejected: check that they are valid, not expired, and for this"
                    + " partition (see the README, Credentials).";
        }
        if (e.isThrottling()) {
            return ". Still throttled after every retry: try again later or raise the API rate quota.";
        }
        if (e.statusCode() >= 500) {
            return ". EMR Serverless failed after every retry: try again later.";
        }
        return ".";
    }

    private static String clientAdvice(ServiceException e) {
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (lower.contains("credentials")) {
            return " Configure credentials as the AWS CLI would (environment, profile, SSO, web identity,"
                    + " container or instance role), or set <profile>.";
        }
        return "";
    }
}
