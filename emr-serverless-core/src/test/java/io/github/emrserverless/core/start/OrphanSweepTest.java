package io.github.emrserverless.core.start;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.DefaultTags;
import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionPage;
import io.github.emrserverless.core.api.SessionState;
import io.github.emrserverless.core.api.StartSessionRequest;
import io.github.emrserverless.core.testing.FakeClock;
import io.github.emrserverless.core.testing.RecordingReporter;
import io.github.emrserverless.core.testing.ScriptedSessionApi;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrphanSweepTest {

    final FakeClock clock = new FakeClock();
    final RecordingReporter reporter = new RecordingReporter();
    final LaggingApi api = new LaggingApi();
    final StartSessionRequest request = StartSessionRequests.valid()
            .tags(Map.of(DefaultTags.START_TOKEN, "tok-1"))
            .build();

    /** ListSessions shows the orphan only from the given look on; the session carries the request's tag. */
    final class LaggingApi extends ScriptedSessionApi {
        int visibleFromLook = 1;
        int looks;
        final List<String> terminated = new ArrayList<>();

        LaggingApi() {
            super(clock);
        }

        @Override
        public SessionPage listSessions(
                String applicationId, List<SessionState> states, java.time.Instant createdAfter, String nextToken) {
            looks++;
            return new SessionPage(looks >= visibleFromLook ? List.of(session()) : List.of(), null);
        }

        @Override
        public Session getSession(String applicationId, String sessionId) {
            return session();
        }

        @Override
        public void terminateSession(String applicationId, String sessionId) {
            terminated.add(sessionId);
        }

        private Session session() {
            return new Session(
                    "app",
                    "orphan1",
                    "arn",
                    null,
                    SessionState.STARTING,
                    "",
                    "emr-7.13.0",
                    clock.instant(),
                    null,
                    null,
                    30L,
                    Map.of(DefaultTags.START_TOKEN, "tok-1"),
                    null,
                    null);
        }
    }

    OrphanSweep sweep() {
        return new OrphanSweep(api, reporter, clock);
    }

    @Test
    void aSessionThatListSessionsShowsLateIsStillFoundAndTerminated() {
        api.visibleFromLook = 3;

        String outcome = sweep().sweep(request, clock.instant());

        assertThat(outcome)
                .isEqualTo(
                        "Session orphan1 was created although the answer was lost; found by its tags and terminated.");
        assertThat(api.terminated).containsExactly("orphan1");
        assertThat(api.looks).isEqualTo(3);
        assertThat(reporter.lines)
                .contains("warn: Terminated session orphan1: StartSession created it, but its answer was lost.");
    }

    @Test
    void noneFoundIsSaidOnlyAfterAboutTenSecondsOfLooking() {
        api.visibleFromLook = Integer.MAX_VALUE;
        Instant begun = clock.instant();

        String outcome = sweep().sweep(request, begun);

        assertThat(outcome).isEqualTo("No session was created (none carries tag start-token=tok-1).");
        assertThat(api.looks).isEqualTo(OrphanSweep.LOOKS.size());
        assertThat(Duration.between(begun, clock.instant())).isEqualTo(Duration.ofSeconds(10));
        assertThat(api.terminated).isEmpty();
    }

    @Test
    void withoutTheTagItSaysWhatToLookFor() {
        StartSessionRequest untagged = StartSessionRequests.valid().build();

        assertThat(sweep().sweep(untagged, clock.instant())).contains("defaultTags is off");
        assertThat(api.looks).isZero();
    }
}
