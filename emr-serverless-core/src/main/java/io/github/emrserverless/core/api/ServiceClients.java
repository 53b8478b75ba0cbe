package io.github.emrserverless.core.api;

/** The AWS calls of one goal execution, open until closed. */
public interface ServiceClients extends AutoCloseable {

    /** The session operations (and GetApplication). */
    SessionApi sessions();

    /** The ARN of the principal the calls are made as (STS GetCallerIdentity): whose reuse scope applies. */
    String callerArn();

    /** StartApplication. Like every call here, fails with {@link ServiceException}. */
    void startApplication(String applicationId);

    /** StopApplication. */
    void stopApplication(String applicationId);

    @Override
    void close();
}
