package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SessionIT {

    @Test
    void seesTheSession() {
        String sessionId = System.getProperty("emr.sessionId");
        System.out.println("TEST-SEES-SESSION=" + sessionId);
        assertTrue(sessionId.matches("[0-9a-z]{16}"), sessionId);
    }

    @Test
    void fails() {
        assertEquals("expected", "actual", "a failing integration test");
    }
}
