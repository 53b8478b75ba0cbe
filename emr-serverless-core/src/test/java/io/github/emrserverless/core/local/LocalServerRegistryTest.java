package io.github.emrserverless.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which warm servers the registry hands out: running, this process and no later one of its pid, answering. */
class LocalServerRegistryTest {

    @TempDir
    Path cache;

    LocalServerRegistry registry() {
        return new LocalServerRegistry(cache.resolve("local-servers"));
    }

    LocalServerRegistry.Entry entry(String id, long pid, Instant processStart, int port) throws Exception {
        Path directory = registry().newDirectory(id);
        Files.writeString(directory.resolve("token"), "t");
        return new LocalServerRegistry.Entry(
                id, "key1", port, pid, processStart, "4.2.0", Instant.now(), 30, directory);
    }

    @Test
    void anEntryWhoseProcessIsGoneIsRemovedNotAdopted() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        LocalServerRegistry.Entry entry = entry("local-gone", gone.pid(), Instant.now(), 1);
        registry().register(entry);

        assertThat(registry().find("key1")).isEmpty();
        assertThat(cache.resolve("local-servers/local-gone.properties")).doesNotExist();
        assertThat(entry.directory()).doesNotExist();
    }

    @Test
    void aLaterProcessWithTheSamePidIsNotTheServer() throws Exception {
        ProcessHandle me = ProcessHandle.current();
        Instant myStart = me.info().startInstant().orElseThrow();
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            registry()
                    .register(
                            entry("local-reused-pid", me.pid(), myStart.minusSeconds(3600), listening.getLocalPort()));
            assertThat(registry().find("key1")).isEmpty();

            registry().register(entry("local-mine", me.pid(), myStart, listening.getLocalPort()));
            assertThat(registry().find("key1"))
                    .map(LocalServerRegistry.Entry::sessionId)
                    .contains("local-mine");
            assertThat(registry().find("other-key")).isEmpty();
        }
    }

    @Test
    void aServerThatDoesNotAnswerOnItsPortIsNotAdopted() throws Exception {
        ProcessHandle me = ProcessHandle.current();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        registry()
                .register(entry("local-deaf", me.pid(), me.info().startInstant().orElseThrow(), closed));

        assertThat(registry().find("key1")).isEmpty();
        // Still running, so its entry stays (list-sessions shows it; its idle timeout ends it).
        assertThat(registry().live())
                .extracting(LocalServerRegistry.Entry::sessionId)
                .contains("local-deaf");
    }
}
