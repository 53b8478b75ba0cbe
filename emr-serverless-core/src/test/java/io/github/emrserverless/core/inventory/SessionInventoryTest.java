package io.github.emrserverless.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.api.Session;
import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.emulator.EmulatorCredentials;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The live-session look-up of reuse, the ceiling and the leftover check, against the emulator (pages of 2). */
class SessionInventoryTest {

    private final ByteArrayOutputStream requests = new ByteArrayOutputStream();
    private final UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();
    private EmrServerlessEmulator emulator;
    private SessionApi api;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = EmrServerlessEmulator.builder()
                .credentials(new EmulatorCredentials("AKIDBASIC", "basic-secret", null))
                .application(ApplicationSpec.started("app"))
                .pageSize(2)
                .logRequests(new PrintStream(requests, true, StandardCharsets.UTF_8))
                .start();
        api = SessionApis.against(emulator.uri(), http)
                .accessKey("AKIDBASIC", "basic-secret")
                .build();
    }

    @AfterEach
    void stop() {
        emulator.close();
        http.close();
    }

    @Test
    void oneShortPageOfLiveSessionsIsAllItLists() {
        List<String> ids = start(4);
        ids.subList(0, 3).forEach(id -> api.terminateSession("app", id));

        List<Session> live = new SessionInventory(api).live("app");

        assertThat(live).extracting(Session::sessionId).containsExactly(ids.get(3));
        assertThat(live.get(0).tags()).containsEntry("team", "data");
        // The four sessions of the day would be two pages; the live one alone is one, asked for by state.
        assertThat(listings()).hasSize(1);
        assertThat(listings().get(0)).contains("states=SUBMITTED", "states=IDLE", "states=BUSY");
    }

    @Test
    void moreThanOnePageOfLiveSessionsIsListedAgainInEveryState() {
        List<String> ids = start(3);

        List<Session> live = new SessionInventory(api).live("app");

        assertThat(live).extracting(Session::sessionId).containsExactlyInAnyOrderElementsOf(ids);
        // A state change between pages of a listing grouped by state could hide a session: the first page by state,
        // then both pages of the listing in every state.
        assertThat(listings()).hasSize(3);
        assertThat(listings().get(0)).contains("states=");
        assertThat(listings().subList(1, 3)).noneMatch(line -> line.contains("states="));
    }

    private List<String> start(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.startSession(StartSessionRequests.valid()
                            .applicationId("app")
                            .clientToken("inventory-" + i)
                            .tags(Map.of("team", "data"))
                            .build())
                    .sessionId());
        }
        return ids;
    }

    private List<String> listings() {
        return requests.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.startsWith("REQUEST GET /applications/app/sessions?"))
                .toList();
    }
}
