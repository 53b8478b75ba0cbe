package io.github.emrserverless.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.emrserverless.core.support.Sleeper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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

    @Test
    void aServerStillStartingIsFoundAsStartingButNotOneThatSaidItWasReadyOrIsOld() throws Exception {
        ProcessHandle me = ProcessHandle.current();
        Instant myStart = me.info().startInstant().orElseThrow();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        LocalServerRegistry.Entry starting = entry("local-starting", me.pid(), myStart, closed);
        registry().register(starting);
        Instant now = Instant.now();

        assertThat(registry().find("key1")).isEmpty();
        assertThat(registry().starting("key1", Duration.ofMinutes(2), now))
                .map(LocalServerRegistry.Entry::sessionId)
                .contains("local-starting");
        assertThat(registry().starting("key1", Duration.ofMinutes(2), now.plus(Duration.ofMinutes(5))))
                .isEmpty();

        // It said it was ready and no longer answers: unhealthy, not starting.
        Files.writeString(
                LocalServerCommand.ServerFiles.in(starting.directory(), starting.sessionId())
                        .ready(),
                Integer.toString(closed));
        assertThat(registry().starting("key1", Duration.ofMinutes(2), now)).isEmpty();
    }

    @Test
    void theKeysLockIsWaitedForByAnotherThreadAndGivenUpAfterTheWait() throws Exception {
        Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        try (LocalServerRegistry.Lock first = registry().lock("key1", Duration.ZERO, sleeper)) {
            assertThat(first).isNotSameAs(LocalServerRegistry.Lock.NONE);
            AtomicReference<LocalServerRegistry.Lock> other = new AtomicReference<>();
            Thread thread = new Thread(() -> {
                try {
                    other.set(registry().lock("key1", Duration.ofMillis(300), sleeper));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long started = System.nanoTime();
            thread.start();
            thread.join(5000);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(other.get()).isSameAs(LocalServerRegistry.Lock.NONE);
            // Another key is not held up.
            try (LocalServerRegistry.Lock unrelated = registry().lock("key2", Duration.ZERO, sleeper)) {
                assertThat(unrelated).isNotSameAs(LocalServerRegistry.Lock.NONE);
            }
        }
        // Released: the next one gets it at once.
        try (LocalServerRegistry.Lock again = registry().lock("key1", Duration.ZERO, sleeper)) {
            assertThat(again).isNotSameAs(LocalServerRegistry.Lock.NONE);
        }
    }
}
