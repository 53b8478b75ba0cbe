package io.github.emrserverless.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.config.Configuration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    final JSON json = Json.create();

    @Test
    void readsEpochSecondsTimestampsWithTheirFraction() throws Exception {
        Session session = json.beanFrom(Session.class, """
                {"sessionId": "s", "state": "IDLE", "createdAt": 1767225600, "startedAt": 1767225605.25, "endedAt": null}
                """);

        assertThat(session.createdAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(session.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:05.250Z"));
        assertThat(session.endedAt()).isNull();
    }

    @Test
    void aStateTheServiceAddedLaterReadsAsUnknownAndOtherMembersAreIgnored() throws Exception {
        Session session = json.beanFrom(Session.class, """
                {"sessionId": "s", "state": "HIBERNATING", "networkConfiguration": {"subnetIds": ["a"]}, "tags": {"k": "v"}}
                """);

        assertThat(session.state()).isEqualTo(SessionState.UNKNOWN);
        assertThat(session.tags()).containsExactly(Map.entry("k", "v"));
    }

    @Test
    void writesRecordsInDeclarationOrderWithoutNullMembers() throws Exception {
        record Shape(String zebra, String absent, Long apple) {}

        assertThat(json.asString(new Shape("z", null, 3L))).isEqualTo("{\"zebra\":\"z\",\"apple\":3}");
    }

    @Test
    void theStartSessionBodyKeepsTheApisOrderAndLeavesOutWhatIsEmpty() throws Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "data");
        tags.put("created-by", "maven");
        StartSessionRequest request = StartSessionRequest.builder()
                .applicationId("app")
                .clientToken("token")
                .name("")
                .idleTimeoutMinutes(30L)
                .tags(tags)
                .runtimeConfiguration(List.of(new Configuration(
                        "spark-defaults", Map.of("k", "v"), List.of(Configuration.of("nested", Map.of())))))
                .build();

        assertThat(json.asString(request.body()))
                .isEqualTo(
                        "{\"clientToken\":\"token\",\"idleTimeoutMinutes\":30,"
                                + "\"tags\":{\"team\":\"data\",\"created-by\":\"maven\"},\"configurationOverrides\":{\"runtimeConfiguration\":"
                                + "[{\"classification\":\"spark-defaults\",\"properties\":{\"k\":\"v\"},\"configurations\":[{\"classification\":\"nested\"}]}]}}");
        assertThat(json.asString(StartSessionRequest.builder()
                        .applicationId("app")
                        .clientToken("token")
                        .build()
                        .body()))
                .isEqualTo("{\"clientToken\":\"token\"}");
    }
}
