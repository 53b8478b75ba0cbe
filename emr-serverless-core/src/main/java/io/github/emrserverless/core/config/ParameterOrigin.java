package io.github.emrserverless.core.config;

/** Says where a parameter's value came from, for error messages: a POM element, a -D property, a file. */
@FunctionalInterface
public interface ParameterOrigin {

    /** The prefix of every user property of the plugin. */
    String PROPERTY_PREFIX = "emr-serverless.";

    String of(String parameter);

    /**
     * How to give a missing parameter, in the words of the front end that reads it: a build's POM and {@code -D}, a
     * test run's system properties, environment and resource file.
     */
    default String howToSet(String parameter, String example) {
        return "Pass -D" + PROPERTY_PREFIX + parameter + "=" + example;
    }
}
