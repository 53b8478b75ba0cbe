package io.github.emrserverless.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFileTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("sub/session-token");

        OwnerOnlyFile.write(file, "secret-1");
        OwnerOnlyFile.write(file, "secret-2");

        assertThat(file).hasContent("secret-2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aSymbolicLinkAtTheTargetIsReplacedNotFollowed() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "keep me");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Path file = Files.createSymbolicLink(dir.resolve("session-token"), elsewhere);

        OwnerOnlyFile.write(file, "secret");

        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(file).hasContent("secret");
        assertThat(elsewhere).hasContent("keep me");
    }

    @Test
    void aFolderInTheWayFailsNamingTheFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("session-token"));

        assertThatThrownBy(() -> OwnerOnlyFile.write(folder, "secret"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot write " + folder + " readable by its owner only");
        // No temporary file is left behind.
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(folder);
        }
    }

    @Test
    void deleteRemovesTheFileAndIgnoresOneThatIsGone() {
        Path file = dir.resolve("session-token");
        OwnerOnlyFile.write(file, "secret");

        OwnerOnlyFile.delete(file);
        OwnerOnlyFile.delete(file);

        assertThat(file).doesNotExist();
    }
}
