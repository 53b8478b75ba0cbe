// Runs an IT project again as a Maven process of its own, for tests that signal it: with the Maven and JDK of
// this invoker run (Maven 4 and JDK 25 in the compat run), the invoker's local repository backed by the
// developer's, against the emulator, signing with `key`. Its output goes to nested-build.log.
// Use: def nested = evaluate(new File(itShared, 'nested-build.groovy')); def process = nested.start(binding, key)
class NestedMaven {
    static Process start(Binding it, String key) {
        File basedir = it.basedir
        def userRepository = new File(System.getProperty('maven.repo.local',
                "${System.getProperty('user.home')}/.m2/repository")).toURI()
        def settings = new File(basedir, 'nested-settings.xml')
        settings.text = """<settings><profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>local.central</id><url>${userRepository}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>${userRepository}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
        def builder = new ProcessBuilder(new File(it.itMavenHome, 'bin/mvn').path, '-B', '-V', '-s', settings.path,
                "-Dmaven.repo.local=${it.localRepositoryPath}", "-Demr-serverless.endpoint=${it.emulatorUri}", 'verify')
                .directory(basedir)
                .redirectErrorStream(true)
                .redirectOutput(new File(basedir, 'nested-build.log'))
        builder.environment().putAll([
                JAVA_HOME: it.itJavaHome,
                AWS_ACCESS_KEY_ID: key, AWS_SECRET_ACCESS_KEY: 'emulator-secret', AWS_REGION: 'eu-west-1',
                AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true'])
        return builder.start()
    }
}
return NestedMaven
