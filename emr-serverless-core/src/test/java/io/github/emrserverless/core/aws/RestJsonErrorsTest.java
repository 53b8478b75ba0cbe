package io.github.emrserverless.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.support.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;
import software.amazon.awssdk.services.emrserverless.model.InternalServerException;
import software.amazon.awssdk.services.emrserverless.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

class RestJsonErrorsTest {

    final RestJsonErrors errors = new RestJsonErrors(Json.create());

    AwsServiceException parse(int status, String typeHeader, String body) {
        SdkHttpResponse.Builder response =
                SdkHttpResponse.builder().statusCode(status).putHeader("x-amzn-RequestId", "req-1");
        if (typeHeader != null) {
            response.putHeader("x-amzn-ErrorType", typeHeader);
        }
        return errors.toException(response.build(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHeaderNamesTheTypeCutAtColonAndAfterTheLastHash() {
        AwsServiceException e =
                parse(400, "ValidationException:http://internal.amazon.com/coral/", "{\"message\":\"bad\"}");
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("bad");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo("req-1");

        assertThat(parse(409, "aws.emrserverless#ConflictException", "{\"message\":\"x\"}"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void withoutHeaderTheBodyTypeOrCodeIsUsedAndMessageIsAnAlias() {
        AwsServiceException quota =
                parse(402, null, "{\"__type\":\"com.amazon#ServiceQuotaExceededException\",\"Message\":\"too many\"}");
        assertThat(quota).isInstanceOf(ServiceQuotaExceededException.class);
        assertThat(quota.awsErrorDetails().errorMessage()).isEqualTo("too many");
        assertThat(parse(500, null, "{\"code\":\"InternalServerException\",\"message\":\"x\"}"))
                .isInstanceOf(InternalServerException.class);
    }

    @Test
    void platformErrorsKeepTheirCodeSoRetriesAndAdviceSeeThem() {
        AwsServiceException throttled = parse(400, "ThrottlingException", "{\"message\":\"Rate exceeded\"}");
        assertThat(throttled).isExactlyInstanceOf(EmrServerlessException.class);
        assertThat(throttled.isThrottlingException()).isTrue();
        AwsServiceException denied = parse(403, "AccessDeniedException", "{\"Message\":\"no\"}");
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    }

    @Test
    void aBodyThatIsNotJsonStillGivesTheStatus() {
        AwsServiceException e = parse(503, null, "<html>Service Unavailable</html>");
        assertThat(e).isExactlyInstanceOf(EmrServerlessException.class);
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isNull();
    }
}
