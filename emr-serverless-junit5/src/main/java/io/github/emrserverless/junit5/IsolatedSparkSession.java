package io.github.emrserverless.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test class a SparkSession of its own instead of the test run's shared one: a new Spark Connect
 * session on the same server (its own temporary views, SQL configuration and session state), closed when the class
 * has run. The server, and the session on EMR Serverless, stay the test run's one.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IsolatedSparkSession {}
