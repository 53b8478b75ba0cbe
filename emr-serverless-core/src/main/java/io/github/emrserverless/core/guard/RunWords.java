package io.github.emrserverless.core.guard;

/**
 * How the guard's messages name the run it guards: a Maven build (whose terminate-session ends sessions) or a test
 * run (which ends what it started when it ends).
 *
 * @param run {@code the build}, {@code the test run}
 * @param beforeEnd what had not happened yet when the run failed or was interrupted, or empty
 */
public record RunWords(String run, String beforeEnd) {

    public static final RunWords BUILD = new RunWords("the build", " before terminate-session ran");
    public static final RunWords TEST_RUN = new RunWords("the test run", "");

    String interrupted() {
        return run + " was interrupted" + beforeEnd;
    }

    String failed() {
        return run + " failed" + beforeEnd;
    }

    String endedWhileStarting() {
        return run + " ended while it was starting";
    }

    String succeeded() {
        return run + " succeeded";
    }

    String endedForLocal() {
        return run + " ended (a local server never outlives " + run.replaceFirst("^the ", "its ") + ")";
    }

    String endedForShared() {
        return run + " ended (it was shared with every module of the reactor)";
    }
}
