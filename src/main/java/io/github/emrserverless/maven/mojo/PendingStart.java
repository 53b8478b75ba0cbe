package io.github.emrserverless.maven.mojo;

import io.github.emrserverless.maven.aws.AwsSettings;

/**
 * A StartSession on its way: sent, or about to be, and not answered yet. If the build is interrupted now, the
 * session it creates can only be found by the start token its request carries as a tag.
 */
record PendingStart(String applicationId, String startToken, AwsSettings settings) {}
