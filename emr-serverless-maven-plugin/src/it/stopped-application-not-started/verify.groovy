import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Application appstoppedkeep is STOPPED and has auto-start disabled. Start it (aws emr-serverless start-application --application-id appstoppedkeep), enable auto-start, or set <startApplication>true</startApplication>.')

def calls = new JsonSlurper().parse(new URL("${emulatorUri}/_emulator/calls")).findAll { it.accessKeyId == ('AKIDITKEEPSTOPPED' + itPass) }

// Only the application check, and the live-session look-up that runs beside it: no StartSession.
assert calls*.operation.findAll { it != 'ListSessions' } == ['GetApplication']
