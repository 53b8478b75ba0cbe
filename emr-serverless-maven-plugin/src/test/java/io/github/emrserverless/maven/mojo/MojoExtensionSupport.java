package io.github.emrserverless.maven.mojo;

import org.apache.maven.api.plugin.testing.MojoExtension;

/** Sets a mojo field after injection, for values only known at test time (ports, IDs). */
final class MojoExtensionSupport {

    private MojoExtensionSupport() {}

    static void set(Object mojo, String field, Object value) {
        try {
            MojoExtension.setVariableValueToObject(mojo, field, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
