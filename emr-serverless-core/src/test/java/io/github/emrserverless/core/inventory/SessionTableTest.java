package io.github.emrserverless.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTableTest {

    @Test
    void alignsColumnsAndSortsTags() {
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        List<String> lines = SessionTable.lines(
                List.of(
                        new Session(
                                "app",
                                "abc123",
                                "arn",
                                "nightly",
                                SessionState.IDLE,
                                "d",
                                "emr-7.13.0",
                                created,
                                null,
                                null,
                                30L,
                                Map.of("team", "x", "ci-run", "9", "expires-at", "2026-01-02T07:04:05Z"),
                                null,
                                null),
                        new Session(
                                "app",
                                "def4567890",
                                "arn",
                                null,
                                SessionState.STARTING,
                                "d",
                                "emr-7.13.0",
                                created,
                                null,
                                null,
                                null,
                                Map.of("expires-at", "2026-01-02T09:00:00Z"),
                                null,
                                null)),
                Instant.parse("2026-01-02T08:00:00Z"));

        assertThat(lines)
                .containsExactly(
                        "ID          NAME     STATE     CREATED               IDLE TIMEOUT  EXPIRES AT                    TAGS",
                        "abc123      nightly  IDLE      2026-01-02T03:04:05Z  30 min        2026-01-02T07:04:05Z EXPIRED  ci-run=9,expires-at=2026-01-02T07:04:05Z,team=x",
                        "def4567890  -        STARTING  2026-01-02T03:04:05Z  -             2026-01-02T09:00:00Z          expires-at=2026-01-02T09:00:00Z");
    }
}
