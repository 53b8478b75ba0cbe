package io.github.emrserverless.core.session;

/** The AWS calls of one goal execution, open until closed. */
public interface ServiceClients extends AutoCloseable {

    /** The session operations (and GetApplication). */
    SessionApi sessions();

    /** The ARN of the principal the calls are made as (STS GetCallerIdentity): whose reuse scope applies. */
    String callerArn();

    /** StartApplication. */
    void startApplication(String applicationId);

    /** StopApplication. */
    void stopApplication(String applicationId);

    @Override
    void close();
}
