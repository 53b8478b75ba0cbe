package io.github.emrserverless.core.aws;

import io.github.emrserverless.core.api.ServiceException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Where the SDK's exceptions end: each becomes the core's {@link ServiceException} before it leaves the adapter. */
final class SdkFailures {

    private SdkFailures() {}

    static ServiceException translate(SdkException failure) {
        boolean mayHaveTakenEffect = mayHaveTakenEffect(failure);
        for (Throwable earlier : failure.getSuppressed()) {
            // Earlier attempts travel as suppressed exceptions: any one of them may have taken effect.
            mayHaveTakenEffect |= earlier instanceof SdkException attempt && mayHaveTakenEffect(attempt);
        }
        if (failure instanceof AwsServiceException service) {
            var details = service.awsErrorDetails();
            return ServiceException.answered(
                    details == null ? null : details.errorCode(),
                    service.statusCode(),
                    details == null || details.errorMessage() == null ? service.getMessage() : details.errorMessage(),
                    service.isThrottlingException(),
                    mayHaveTakenEffect,
                    failure);
        }
        return ServiceException.unanswered(failure.getMessage(), failure);
    }

    /** A 5xx, a throttle or a lost answer may come after the service acted; another 4xx came before. */
    private static boolean mayHaveTakenEffect(SdkException attempt) {
        if (attempt instanceof AwsServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException();
        }
        return true;
    }
}
