package io.github.emrserverless.core.local;

import io.github.emrserverless.core.support.OwnerOnlyFile;
import io.github.emrserverless.core.support.Sleeper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where this user's warm local servers (reuse in local mode) are found: one owner-only entry per server in the
 * user's cache directory ({@code local-servers/<session ID>.properties}), beside the server's own folder (its token
 * file, log, working directory). An entry holds the server's reuse key, port, process, token file (never the token),
 * Spark version and start; when it was last used is the time of its activity file, which the server touches. An
 * entry whose process is gone (or is another process by now) is removed with its folder on the next look; a server
 * that does not answer on its port, or runs as another user, is never adopted.
 */
public final class LocalServerRegistry {

    /** One warm server. */
    public record Entry(
            String sessionId,
            String key,
            int port,
            long pid,
            Instant processStart,
            String sparkVersion,
            Instant startedAt,
            long idleTimeoutMinutes,
            Path directory) {

        public String endpoint() {
            return "sc://" + LocalServerCommand.LOOPBACK + ":" + port;
        }

        public Path tokenFile() {
            return directory.resolve("token");
        }

        /** When a call last reached it (its activity file), or its start. */
        public Instant lastUsed() {
            try {
                return Files.getLastModifiedTime(directory.resolve("activity")).toInstant();
            } catch (IOException never) {
                return startedAt;
            }
        }
    }

    private final Path root;

    LocalServerRegistry(Path root) {
        this.root = root;
    }

    /** The registry of the user's cache directory (see {@link ClassDataArchive#cacheDirectory}). */
    public static LocalServerRegistry of(Map<String, String> environment) {
        return new LocalServerRegistry(
                ClassDataArchive.cacheDirectory(environment).resolve("local-servers"));
    }

    /** The folder of a new warm server, owner-only. */
    Path newDirectory(String sessionId) throws IOException {
        OwnerOnlyFile.folder(root);
        Path directory = root.resolve(sessionId);
        OwnerOnlyFile.folder(directory);
        return directory;
    }

    void register(Entry entry) {
        Properties properties = new Properties();
        properties.setProperty("sessionId", entry.sessionId());
        properties.setProperty("key", entry.key());
        properties.setProperty("port", Integer.toString(entry.port()));
        properties.setProperty("pid", Long.toString(entry.pid()));
        properties.setProperty("processStart", entry.processStart().toString());
        properties.setProperty("sparkVersion", entry.sparkVersion());
        properties.setProperty("startedAt", entry.startedAt().toString());
        properties.setProperty("idleTimeoutMinutes", Long.toString(entry.idleTimeoutMinutes()));
        properties.setProperty("directory", entry.directory().toString());
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "a warm local Spark Connect server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OwnerOnlyFile.write(root.resolve(entry.sessionId() + ".properties"), text.toString());
    }

    /** The servers still running, oldest first; the entries of those that are gone are removed on the way. */
    public List<Entry> live() {
        List<Entry> live = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return live;
        }
        try (Stream<Path> files = Files.list(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Optional<Entry> entry = read(file);
                if (entry.isPresent() && running(entry.get())) {
                    live.add(entry.get());
                } else {
                    entry.ifPresent(gone -> deleteFolder(gone.directory()));
                    OwnerOnlyFile.delete(file);
                }
            }
        } catch (IOException e) {
            return live;
        }
        live.sort(Comparator.comparing(Entry::startedAt));
        return live;
    }

    /** A running server of this key that answers on its port: the one to adopt. */
    public Optional<Entry> find(String key) {
        return live().stream()
                .filter(entry -> entry.key().equals(key))
                .filter(entry -> Files.isReadable(entry.tokenFile()) && listening(entry.port()))
                .reduce((older, newer) -> newer);
    }

    /**
     * A server of this key that is still starting: running, younger than {@code bound}, not yet listening and not yet
     * reported ready (one that reported ready and no longer answers is unhealthy, not starting). Adopted under
     * {@link #lock}, its readiness is awaited as a new server's is.
     */
    Optional<Entry> starting(String key, Duration bound, Instant now) {
        return live().stream()
                .filter(entry -> entry.key().equals(key))
                .filter(entry -> entry.startedAt().isAfter(now.minus(bound)))
                .filter(entry -> Files.isReadable(entry.tokenFile()))
                .filter(entry -> !Files.exists(LocalServerCommand.ServerFiles.in(entry.directory(), entry.sessionId())
                        .ready()))
                .filter(entry -> !listening(entry.port()))
                .reduce((older, newer) -> newer);
    }

    /**
     * This user's lock on one key, held while a build or test run looks for a warm server of it and starts one: two
     * that begin together then share one server instead of starting two. Another process holding it, or another
     * thread of this JVM (a parallel reactor), is waited for, at most {@code wait}; past that, or when the lock file
     * cannot be made, the caller goes on without it (two servers are a waste, not a fault).
     */
    Lock lock(String key, Duration wait, Sleeper sleeper) throws InterruptedException {
        FileChannel channel;
        try {
            OwnerOnlyFile.folder(root);
            channel = FileChannel.open(
                    root.resolve("key-" + key + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UncheckedIOException e) {
            return Lock.NONE;
        }
        for (Duration waited = Duration.ZERO; ; waited = waited.plus(LOCK_RETRY)) {
            try {
                FileLock held = channel.tryLock();
                if (held != null) {
                    // Closing the channel releases the lock.
                    return () -> closeQuietly(channel);
                }
            } catch (OverlappingFileLockException thisJvm) {
                // another thread of this JVM holds it: wait as for another process
            } catch (IOException e) {
                closeQuietly(channel);
                return Lock.NONE;
            }
            if (waited.compareTo(wait) >= 0) {
                closeQuietly(channel);
                return Lock.NONE;
            }
            sleeper.sleep(LOCK_RETRY);
        }
    }

    private static final Duration LOCK_RETRY = Duration.ofMillis(100);

    /** A held lock of {@link #lock}; closing releases it. */
    interface Lock extends AutoCloseable {
        Lock NONE = () -> {};

        @Override
        void close();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // The lock goes with the channel when this JVM exits.
        }
    }

    public Optional<Entry> get(String sessionId) {
        return live().stream()
                .filter(entry -> entry.sessionId().equals(sessionId))
                .findFirst();
    }

    /** The server is stopped (or gone): its entry and folder go. */
    public void remove(Entry entry) {
        OwnerOnlyFile.delete(root.resolve(entry.sessionId() + ".properties"));
        deleteFolder(entry.directory());
    }

    /** The same process (not a later one that got its pid), run by this user. */
    static boolean running(Entry entry) {
        return ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .startInstant()
                        .map(start -> Math.abs(start.toEpochMilli()
                                        - entry.processStart().toEpochMilli())
                                < 2000)
                        .orElse(true))
                .filter(handle -> handle.info()
                        .user()
                        .map(user -> user.equals(System.getProperty("user.name"))
                                || user.endsWith("\\" + System.getProperty("user.name")))
                        .orElse(true))
                .isPresent();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Entry> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new Entry(
                    properties.getProperty("sessionId"),
                    properties.getProperty("key"),
                    Integer.parseInt(properties.getProperty("port")),
                    Long.parseLong(properties.getProperty("pid")),
                    Instant.parse(properties.getProperty("processStart")),
                    properties.getProperty("sparkVersion"),
                    Instant.parse(properties.getProperty("startedAt")),
                    Long.parseLong(properties.getProperty("idleTimeoutMinutes")),
                    Path.of(properties.getProperty("directory"))));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    private static void deleteFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left for the next look.
                }
            });
        } catch (IOException e) {
            // Left for the next look.
        }
    }
}
