new URL("${emulatorUri}/_emulator/faults?accessKeyId=AKIDITSTARTLOST${itPass}&seed=1&rate=1&operations=StartSession&kinds=AFTER").text
true // a pre-build hook that returns a value other than true skips the build
