package org.gongkai.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One timed round of closed-loop load: {@code clients} threads each send one request, wait for its
 * answer, and send the next, until the round's time is up (requests in flight then are finished and
 * counted). Throughput is completed requests over the round's wall time.
 */
final class LoadRound {

    /** One request against a server; returns when the whole operation (for gongkai: until CHECKED) is done. */
    @FunctionalInterface
    interface Operation {
        void run(BenchFile file) throws Exception;
    }

    /** A file sent by the benchmark, read once. */
    record BenchFile(String name, byte[] bytes) {
    }

    /** What a round measured. */
    record Result(int completed, int errors, double seconds, long[] latencyNanos, String firstError) {
        double perSecond() {
            return completed / seconds;
        }

        static Result merge(List<Result> rs) {
            int c = 0;
            int e = 0;
            double s = 0;
            List<Long> all = new ArrayList<>();
            String first = null;
            for (Result r : rs) {
                c += r.completed;
                e += r.errors;
                s += r.seconds;
                for (long l : r.latencyNanos) {
                    all.add(l);
                }
                first = first == null ? r.firstError : first;
            }
            return new Result(c, e, s, all.stream().mapToLong(Long::longValue).toArray(), first);
        }

        /** The p-th percentile latency in milliseconds (nearest rank), or NaN without samples. */
        double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }
    }

    private LoadRound() {
    }

    static Result run(Operation op, List<BenchFile> files, int clients, double seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> lat = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    BenchFile f = files.get(Math.floorMod(next.getAndIncrement(), files.size()));
                    long t0 = System.nanoTime();
                    try {
                        op.run(f);
                        lat.add(System.nanoTime() - t0);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, f.name() + ": " + e);
                    }
                }
                return lat.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            try {
                parts.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all.length, errors.get(), elapsed, all, firstError.get());
    }
}
