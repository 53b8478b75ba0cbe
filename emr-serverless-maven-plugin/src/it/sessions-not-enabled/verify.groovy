import groovy.json.JsonSlurper

// The pre-flight reads interactiveConfiguration.sessionEnabled and stops before StartSession.
def log = new File(basedir, 'build.log').text
assert log.contains('Application appnosessions does not allow interactive sessions (interactiveConfiguration.sessionEnabled is false).'
        + ' Enable them: aws emr-serverless update-application --application-id appnosessions --interactive-configuration sessionEnabled=true')
def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITNOSESSIONS' + itPass) }
// Only the application check, and the live-session look-up that runs beside it: no StartSession.
assert calls*.operation.findAll { it != 'ListSessions' } == ['GetApplication']
