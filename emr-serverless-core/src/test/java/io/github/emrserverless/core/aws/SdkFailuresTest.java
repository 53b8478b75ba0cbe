package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.ServiceErrors;
import io.github.emrserverless.core.api.ServiceException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.InternalServerException;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/** The SDK's failures as the core sees them, and the sentence each one becomes. */
class SdkFailuresTest {

    private static String describe(String operation, String subject, SdkException e) {
        return ServiceErrors.describe(operation, subject, SdkFailures.translate(e));
    }

    static <T extends software.amazon.awssdk.awscore.exception.AwsServiceException.Builder> T error(
            T builder, int status, String code, String message) {
        builder.statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .message(message);
        return builder;
    }

    @Test
    void sessionsNotEnabledPointsAtInteractiveConfiguration() {
        String text = describe(
                "StartSession",
                "application app",
                error(ValidationException.builder(), 400, "ValidationException", "Interactive sessions are not enabled")
                        .build());
        assertThat(text)
                .isEqualTo(
                        "StartSession failed for application app: ValidationException: Interactive sessions are not enabled."
                                + " Sessions need an application with interactiveConfiguration.sessionEnabled=true and release emr-7.13.0 or later:"
                                + " aws emr-serverless update-application --application-id <id> --interactive-configuration sessionEnabled=true");
    }

    @Test
    void quotaConflictAndAccessDeniedSayWhatToDo() {
        assertThat(describe(
                        "StartSession",
                        "application app",
                        error(
                                        ServiceQuotaExceededException.builder(),
                                        402,
                                        "ServiceQuotaExceededException",
                                        "Max sessions")
                                .build()))
                .endsWith("terminate sessions you no longer need or request a quota increase in Service Quotas.");
        assertThat(describe(
                        "StartSession",
                        "application app",
                        error(ConflictException.builder(), 409, "ConflictException", "token reused")
                                .build()))
                .endsWith("remove <clientToken> to let the plugin generate a fresh one.");
        assertThat(describe(
                        "GetSession",
                        "session s",
                        error(EmrServerlessException.builder(), 403, "AccessDeniedException", "not authorized")
                                .build()))
                .isEqualTo(
                        "GetSession failed for session s: AccessDeniedException: not authorized. The credentials in use may not"
                                + " call emr-serverless:GetSession: grant it in IAM (see the README, IAM permissions).");
        assertThat(describe(
                        "GetSession",
                        "session s",
                        error(EmrServerlessException.builder(), 403, "UnrecognizedClientException", "invalid token")
                                .build()))
                .endsWith(
                        "The credentials were rejected: check that they are valid, not expired, and for this partition (see the README, Credentials).");
    }

    @Test
    void throttlingAndServerErrorsSayTheyWereRetried() {
        assertThat(describe(
                        "GetSession",
                        "session s",
                        error(EmrServerlessException.builder(), 400, "ThrottlingException", "Rate exceeded")
                                .build()))
                .endsWith("Still throttled after every retry: try again later or raise the API rate quota.");
        assertThat(describe(
                        "GetSession",
                        "session s",
                        error(EmrServerlessException.builder(), 503, null, null).build()))
                .endsWith("EMR Serverless failed after every retry: try again later.");
    }

    @Test
    void missingCredentialsSayHowToConfigureThem() {
        assertThat(describe(
                        "StartSession",
                        "application app",
                        SdkClientException.create("Unable to load credentials from any of the providers in the chain")))
                .contains("Configure credentials as the AWS CLI would");
    }

    @Test
    void everyAttemptCountsNotOnlyTheLast() {
        InternalServerException lostAnswer = InternalServerException.builder()
                .statusCode(500)
                .message("boom")
                .build();
        ValidationException last =
                ValidationException.builder().statusCode(400).message("bad").build();
        assertThat(SdkFailures.translate(last).mayHaveTakenEffect()).isFalse();

        last.addSuppressed(lostAnswer);

        assertThat(SdkFailures.translate(last).mayHaveTakenEffect()).isTrue();
        assertThat(SdkFailures.translate(SdkClientException.create("connection reset"))
                        .mayHaveTakenEffect())
                .isTrue();
    }

    @Test
    void notFoundAndConflictKeepTheirKind() {
        assertThat(SdkFailures.translate(
                        error(ResourceNotFoundException.builder(), 404, "ResourceNotFoundException", "gone")
                                .build()))
                .isInstanceOf(ServiceException.NotFoundException.class)
                .hasMessage("ResourceNotFoundException: gone");
        assertThat(SdkFailures.translate(error(ConflictException.builder(), 409, "ConflictException", "used")
                        .build()))
                .isInstanceOf(ServiceException.ConflictException.class);
        assertThat(SdkFailures.translate(SdkClientException.create("reset")).answered())
                .isFalse();
    }
}
