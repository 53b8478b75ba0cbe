package io.github.emrserverless.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.support.Json;
import org.junit.jupiter.api.Test;

/** What a GetApplication answer says about sessions, members missing included. */
class ApplicationTest {

    static Application read(String json) throws Exception {
        return Json.create().beanFrom(Application.class, json);
    }

    @Test
    void onlyAnExplicitFalseDisablesSessionsOrAutoStart() throws Exception {
        Application bare = read("{\"applicationId\":\"a\",\"state\":\"STOPPED\"}");
        assertThat(bare.sessionsDisabled()).isFalse();
        assertThat(bare.autoStarts()).isTrue();

        Application empty = read("{\"applicationId\":\"a\",\"state\":\"STOPPED\",\"autoStartConfiguration\":{},"
                + "\"interactiveConfiguration\":{\"studioEnabled\":true}}");
        assertThat(empty.sessionsDisabled()).isFalse();
        assertThat(empty.autoStarts()).isTrue();

        Application off =
                read("{\"applicationId\":\"a\",\"state\":\"STOPPED\",\"autoStartConfiguration\":{\"enabled\":false},"
                        + "\"interactiveConfiguration\":{\"sessionEnabled\":false}}");
        assertThat(off.sessionsDisabled()).isTrue();
        assertThat(off.autoStarts()).isFalse();
    }

    @Test
    void aStateThisPluginDoesNotKnowIsNotSettled() throws Exception {
        Application application =
                read("{\"applicationId\":\"a\",\"state\":\"REBALANCING\",\"architecture\":\"ARM64\"}");
        assertThat(application.state()).isEqualTo(ApplicationState.UNKNOWN);
        assertThat(application.state().isSettled()).isFalse();
    }
}
