package io.github.emrserverless.core.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one way the plugin writes a file: only its owner can read it (a token, a link, the server's options, but also
 * session.json and report.json, so that there is one policy), written under a temporary name in the same folder,
 * created owner-only (POSIX permissions, else an owner-only ACL), then moved over the target in one step: a reader
 * never sees a partial or unrestricted file, a symbolic link at the target is replaced, never followed, and no
 * temporary file is left when the write fails.
 */
public final class OwnerOnlyFile {

    private OwnerOnlyFile() {}

    public static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            if (Files.isDirectory(target)) {
                throw new IOException("it is a directory");
            }
            temporary = createOwnerOnly(target.getParent());
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UncheckedIOException(
                    "Cannot write " + target + " readable by its owner only: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * A folder only its owner can enter (POSIX), created if need be; an existing one is narrowed to that. Without
     * POSIX permissions it is created as the platform creates folders.
     */
    public static void folder(Path folder) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
            // createDirectories leaves an existing folder's permissions as they are.
            Files.setPosixFilePermissions(folder, ownerOnly);
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Removes the file once its session has ended; a symbolic link is removed, not its target. */
    public static void delete(Path file) {
        deleteQuietly(file);
    }

    private static Path createOwnerOnly(Path folder) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    folder,
                    ".session-token-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Path temporary = Files.createTempFile(folder, ".session-token-", ".tmp");
        AclFileAttributeView acl = Files.getFileAttributeView(temporary, AclFileAttributeView.class);
        if (acl == null) {
            deleteQuietly(temporary);
            throw new IOException("the file system offers neither POSIX permissions nor ACLs to restrict it");
        }
        acl.setAcl(List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(acl.getOwner())
                .setPermissions(EnumSet.of(
                        AclEntryPermission.READ_DATA,
                        AclEntryPermission.WRITE_DATA,
                        AclEntryPermission.APPEND_DATA,
                        AclEntryPermission.READ_ATTRIBUTES,
                        AclEntryPermission.WRITE_ATTRIBUTES,
                        AclEntryPermission.READ_ACL,
                        AclEntryPermission.DELETE,
                        AclEntryPermission.SYNCHRONIZE))
                .build()));
        return temporary;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover in target/ is removed by the next write or by mvn clean.
        }
    }
}
