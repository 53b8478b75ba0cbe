import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'emr/typo.json').canonicalPath
assert log =~ /Invalid <runtimeConfigurationFiles> entry ${java.util.regex.Pattern.quote(file)}, line 4, column \d+: unknown member 'property' in a configuration/

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITINVALIDFILE' + itPass) }

assert calls.isEmpty()
