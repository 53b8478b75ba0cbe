new URL("${emulatorUri}/_emulator/faults?accessKeyId=AKIDITALLFAIL${itPass}&seed=1&rate=1&kinds=INTERNAL").text
true // a pre-build hook that returns a value other than true skips the build
