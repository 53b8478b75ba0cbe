package io.github.emrserverless.core.guard;

import io.github.emrserverless.core.aws.AwsSettings;

/**
 * A StartSession on its way: sent, or about to be, and not answered yet. If the build is interrupted now, the
 * session it creates can only be found by the start token its request carries as a tag.
 */
public record PendingStart(String applicationId, String startToken, AwsSettings settings) {}
