package org.apache.spark.launcher;

/** Stands in for Spark's launcher class in unit tests: the plugin reads the module options from it. */
public final class JavaModuleOptions {

    private JavaModuleOptions() {}

    public static String[] defaultModuleOptionArray() {
        return new String[] {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dfake.module.options=true"};
    }
}
