package io.github.emrserverless.maven.session;

/** Says where a parameter's value came from, for error messages: a POM element, a -D property, a file. */
@FunctionalInterface
public interface ParameterOrigin {

    String of(String parameter);
}
