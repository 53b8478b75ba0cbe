// Runs an IT project again as a Maven process of its own, for tests that signal it or run several at once: with
// the Maven and JDK of this invoker run (Maven 4 and JDK 25 in the compat run), the invoker's local repository
// backed by the developer's, against the emulator, signing with `key`. Its output goes to nested-build.log, or
// to the log named; `arguments` go before the goal, `environment` is added to the build's.
// Use: def nested = evaluate(new File(itShared, 'nested-build.groovy'))
//      long signalledAt = nested.terminateWhen(nested.start(binding, key), basedir, 'a GetSession') { condition }
class NestedMaven {
    static Process start(Binding it, String key, String log = 'nested-build.log', List<String> arguments = [],
            Map<String, String> environment = [:]) {
        File basedir = it.basedir
        def userRepository = new File(System.getProperty('maven.repo.local',
                "${System.getProperty('user.home')}/.m2/repository")).toURI()
        def settings = new File(basedir, 'nested-settings.xml')
        settings.text = """<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>local.central</id><url>${userRepository}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${userRepository}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
        def command = [new File(it.itMavenHome, 'bin/mvn').path, '-B', '-V', '-s', settings.path,
                "-Dmaven.repo.local=${it.localRepositoryPath}".toString(), "-Demr-serverless.endpoint=${it.emulatorUri}".toString()]
        def builder = new ProcessBuilder(command + arguments + ['verify'])
                .directory(basedir)
                .redirectErrorStream(true)
                .redirectOutput(new File(basedir, log))
        builder.environment().putAll([
                JAVA_HOME: it.itJavaHome,
                AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: 'emulator-secret', AWS_REGION: 'eu-west-1',
                AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true',
                // STS too is the emulator's (reuse asks GetCallerIdentity), as in the invoker's own builds.
                AWS_ENDPOINT_URL_STS: it.emulatorUri.toString()])
        builder.environment().putAll(environment)
        return builder.start()
    }

    /**
     * Waits (90 s at most) until {@code ready} holds, then sends the build SIGTERM and waits for it to stop;
     * returns when the signal was sent, in epoch milliseconds.
     */
    static long terminateWhen(Process process, File basedir, String what, Closure<Boolean> ready) {
        return signalWhen(process, new File(basedir, 'nested-build.log'), what, false, ready)
    }

    /** As terminateWhen, with SIGKILL (no shutdown hook runs) or SIGTERM, the build's output in {@code out}. */
    static long signalWhen(Process process, File out, String what, boolean kill, Closure<Boolean> ready) {
        try {
            def deadline = System.currentTimeMillis() + 90_000
            while (!ready()) {
                assert process.alive : "the nested build ended early:\n${out.text}"
                assert System.currentTimeMillis() < deadline : "no ${what} within 90 s:\n${out.text}"
                sleep 100
            }
            long signalled = System.currentTimeMillis()
            if (kill) {
                process.destroyForcibly() // SIGKILL
            } else {
                process.destroy() // SIGTERM
            }
            assert process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) : 'the nested build did not stop after the signal'
            return signalled
        } finally {
            process.destroyForcibly()
        }
    }
}
return NestedMaven
