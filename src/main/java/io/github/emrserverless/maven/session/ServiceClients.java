package io.github.emrserverless.maven.session;

/** The AWS calls of one goal execution, open until closed. */
public interface ServiceClients extends AutoCloseable {

    /** The session operations (and GetApplication). */
    SessionApi sessions();

    /** StartApplication. */
    void startApplication(String applicationId);

    /** StopApplication. */
    void stopApplication(String applicationId);

    @Override
    void close();
}
