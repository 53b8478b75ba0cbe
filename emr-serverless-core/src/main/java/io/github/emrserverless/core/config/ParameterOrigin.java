package io.github.emrserverless.core.config;

/** Says where a parameter's value came from, for error messages: a POM element, a -D property, a file. */
@FunctionalInterface
public interface ParameterOrigin {

    /** The prefix of every user property of the plugin. */
    String PROPERTY_PREFIX = "emr-serverless.";

    String of(String parameter);
}
