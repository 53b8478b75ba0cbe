// The access key of this pass's own (the passes of the build share one emulator): the server's username.
def settings = new File(basedir, 'settings.xml')
settings.text = settings.text.replace('<username>AKIDITSERVERID</username>', '<username>AKIDITSERVERID' + itPass + '</username>')
true
