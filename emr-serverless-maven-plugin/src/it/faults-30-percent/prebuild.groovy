// Seeded faults for this test's access key only: the other builds share the emulator.
def query = "accessKeyId=AKIDITFAULTS${itPass}&seed=7&rate=0.3&slowMillis=1500" +
        ['INTERNAL', 'THROTTLE', 'DROP', 'SLOW', 'AFTER'].collect { "&kinds=$it" }.join('')
new URL("${emulatorUri}/_emulator/faults?${query}").text
true // a pre-build hook that returns a value other than true skips the build
