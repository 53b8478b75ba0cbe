package io.github.emrserverless.maven.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a secret to a file only its owner can read, created that way rather than restricted afterwards. */
public final class TokenFile {

    private TokenFile() {}

    public static void write(Path file, String secret) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                java.io.File plain = file.toFile();
                plain.setReadable(false, false);
                plain.setReadable(true, true);
                plain.setWritable(false, false);
                plain.setWritable(true, true);
            }
            Files.writeString(file, secret, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token file " + file + ": " + e.getMessage(), e);
        }
    }
}
