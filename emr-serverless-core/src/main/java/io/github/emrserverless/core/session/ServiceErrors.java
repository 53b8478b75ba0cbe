package io.github.emrserverless.core.session;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/** Turns an SDK failure into one sentence that says what happened and what to do about it. */
public final class ServiceErrors {

    private ServiceErrors() {}

    public static boolean isAccessDenied(SdkException e) {
        return e instanceof AwsServiceException service
                && (service.statusCode() == 403 || "AccessDeniedException".equals(errorCode(service)));
    }

    /**
     * @param operation the API operation, e.g. {@code StartSession}
     * @param subject what it was about, e.g. {@code application 00abc}
     */
    public static String describe(String operation, String subject, SdkException e) {
        String prefix = operation + " failed for " + subject + ": ";
        if (e instanceof AwsServiceException service) {
            String code = errorCode(service);
            String message = service.awsErrorDetails() == null
                    ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            return prefix + code + ": " + message + advice(operation, code, service, message);
        }
        if (e instanceof SdkClientException) {
            return prefix + e.getMessage() + clientAdvice(e);
        }
        return prefix + e.getMessage();
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "HTTP " + e.statusCode()
                : e.awsErrorDetails().errorCode();
    }

    private static String advice(String operation, String code, AwsServiceException e, String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (e instanceof ValidationException
                && "StartSession".equals(operation)
                && (lower.contains("interactive") || lower.contains("session") || lower.contains("release"))) {
            return ". Sessions need an application with interactiveConfiguration.sessionEnabled=true and release"
                    + " emr-7.13.0 or later: aws emr-serverless update-application --application-id <id>"
                    + " --interactive-configuration sessionEnabled=true";
        }
        if (e instanceof ResourceNotFoundException) {
            return ". Check <applicationId> and that <region> is the application's region.";
        }
        if (e instanceof ServiceQuotaExceededException) {
            return ". A service quota was reached (for example concurrent sessions or vCPUs): terminate sessions"
                    + " you no longer need or request a quota increase in Service Quotas.";
        }
        if (e instanceof ConflictException && "StartSession".equals(operation)) {
            return ". The clientToken was already used with different parameters: remove <clientToken> to let"
                    + " the plugin generate a fresh one.";
        }
        if (isAccessDenied(e)) {
            if ("AccessDeniedException".equals(code)) {
                return ". The credentials in use may not call emr-serverless:" + operation
                        + ": grant it in IAM (see the README, IAM permissions).";
            }
            return ". The credentials were rejected: check that they are valid, not expired, and for this"
                    + " partition (see the README, Credentials).";
        }
        if (e.isThrottlingException()) {
            return ". Still throttled after every retry: try again later or raise the API rate quota.";
        }
        if (e.statusCode() >= 500) {
            return ". EMR Serverless failed after every retry: try again later.";
        }
        return ".";
    }

    private static String clientAdvice(SdkException e) {
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (lower.contains("credentials")) {
            return " Configure credentials as the AWS CLI would (environment, profile, SSO, web identity,"
                    + " container or instance role), or set <profile>.";
        }
        return "";
    }
}
