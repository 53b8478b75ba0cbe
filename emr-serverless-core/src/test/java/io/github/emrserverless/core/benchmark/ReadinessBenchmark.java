package io.github.emrserverless.core.benchmark;

import io.github.emrserverless.core.api.SessionApi;
import io.github.emrserverless.core.api.StartedSession;
import io.github.emrserverless.core.aws.SessionApis;
import io.github.emrserverless.core.emulator.ApplicationSpec;
import io.github.emrserverless.core.emulator.EmrServerlessEmulator;
import io.github.emrserverless.core.emulator.EmulatorBuilder;
import io.github.emrserverless.core.handover.ReadinessWaiter;
import io.github.emrserverless.core.support.PollSchedule;
import io.github.emrserverless.core.support.Poller;
import io.github.emrserverless.core.support.Reporter;
import io.github.emrserverless.core.support.Sleeper;
import io.github.emrserverless.core.testing.StartSessionRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * How soon the plugin notices that a session is ready, and with how many GetSession calls, for sessions
 * that take 5 s, 30 s and 120 s to start in the emulator. Runs the production waiter (poll schedule, signed
 * requests) in real time, all sessions at once, each started after a random offset so that readiness falls
 * at a different point between two polls. Prints medians; asserts nothing.
 *
 * <p>Usage: {@code ReadinessBenchmark [runs per timing, default 5]}
 */
public final class ReadinessBenchmark {

    private static final int[] READY_SECONDS = {5, 30, 120};

    private record Result(int readySeconds, Duration readyAfter, Duration delay, long calls) {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // Each run's session takes 90% to 110% of the nominal time, so readiness falls at different points
        // between two polls, as it does for real sessions.
        EmulatorBuilder builder = EmrServerlessEmulator.builder().anyAccessKeyWithSecret("bench");
        for (int seconds : READY_SECONDS) {
            for (int run = 0; run < runs; run++) {
                builder.application(ApplicationSpec.started(applicationId(seconds, run))
                        .withSessions(readyAfter(seconds, run, runs), ApplicationSpec.SessionOutcome.READY));
            }
        }
        Random random = new Random(11);
        try (EmrServerlessEmulator emulator = builder.start();
                SdkHttpClient http = UrlConnectionHttpClient.create()) {
            ExecutorService pool = Executors.newFixedThreadPool(READY_SECONDS.length * runs);
            List<Future<Result>> futures = new ArrayList<>();
            for (int seconds : READY_SECONDS) {
                for (int run = 0; run < runs; run++) {
                    String key = "AKIDBENCH" + seconds + "X" + run;
                    long offset = random.nextInt(2000);
                    String applicationId = applicationId(seconds, run);
                    Duration readyAfter = readyAfter(seconds, run, runs);
                    futures.add(pool.submit(
                            () -> measure(emulator, http, key, seconds, applicationId, readyAfter, offset)));
                }
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            pool.shutdown();
            System.out.println(
                    "ready after  | runs | median delay | as share of start-up | max delay | median GetSession calls | max");
            for (int seconds : READY_SECONDS) {
                List<Result> mine = results.stream()
                        .filter(r -> r.readySeconds() == seconds)
                        .toList();
                List<Long> delays =
                        mine.stream().map(r -> r.delay().toMillis()).sorted().toList();
                List<Double> shares = mine.stream()
                        .map(r -> 100.0 * r.delay().toMillis() / r.readyAfter().toMillis())
                        .sorted()
                        .toList();
                List<Long> calls = mine.stream().map(Result::calls).sorted().toList();
                System.out.printf(
                        "%3ds (±10%%) | %4d | %11.2fs | %19.1f%% | %8.2fs | %23d | %3d%n",
                        seconds,
                        mine.size(),
                        delays.get(delays.size() / 2) / 1000.0,
                        shares.get(shares.size() / 2),
                        delays.get(delays.size() - 1) / 1000.0,
                        calls.get(calls.size() / 2),
                        calls.get(calls.size() - 1));
            }
        }
    }

    private static String applicationId(int seconds, int run) {
        return "ready" + seconds + "x" + run;
    }

    private static Duration readyAfter(int seconds, int run, int runs) {
        double factor = runs == 1 ? 1.0 : 0.9 + 0.2 * run / (runs - 1);
        return Duration.ofMillis(Math.round(seconds * 1000 * factor));
    }

    private static Result measure(
            EmrServerlessEmulator emulator,
            SdkHttpClient http,
            String key,
            int seconds,
            String applicationId,
            Duration readyAfter,
            long offsetMillis)
            throws InterruptedException {
        Thread.sleep(offsetMillis);
        SessionApi api = SessionApis.against(emulator.uri(), http)
                .accessKey(key, "bench")
                .sleeper(Sleeper.SYSTEM)
                .build();
        StartedSession started = api.startSession(StartSessionRequests.valid()
                .applicationId(applicationId)
                .clientToken(key)
                .build());
        new ReadinessWaiter(api, new Poller(Clock.systemUTC(), Sleeper.SYSTEM, PollSchedule.DEFAULT), QUIET)
                .awaitReady(started, Duration.ofMinutes(10));
        Instant noticed = Instant.now();
        long calls = emulator.callsBy(key).stream()
                .filter(c -> c.operation().equals("GetSession"))
                .count();
        return new Result(seconds, readyAfter, Duration.between(emulator.readyAt(started.sessionId()), noticed), calls);
    }

    private static final Reporter QUIET = new Reporter() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(Supplier<String> message) {}
    };
}
