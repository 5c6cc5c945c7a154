package org.gongkai.server.document;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Tells whoever waits for a document ({@code GET /api/v1/documents/{id}?wait=N}) that it has been checked:
 * signalled after the result commits on this server, or when the change log shows another server checked
 * it. A waiter is a future, not a thread; the answer is built on a small pool of its own so that neither a
 * worker nor the change follower does the waiter's reading.
 */
public final class CheckedSignals implements AutoCloseable {
    private final Map<String, Waiting> pending = new ConcurrentHashMap<>();
    private final ExecutorService answers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "gongkai-wait-answer");
        t.setDaemon(true);
        return t;
    });

    /** Everyone waiting for one document: one signal, and how many still wait on it. */
    private static final class Waiting {
        final CompletableFuture<Void> signal = new CompletableFuture<>();
        int waiters;
    }

    /**
     * Returns a future that completes with {@code answer}'s value as soon as document {@code id} is
     * signalled, or after {@code millis}. The waiter is registered before {@code done} is asked (whether the
     * document is already checked), so a signal cannot slip between the two.
     */
    public <T> CompletableFuture<T> await(String id, long millis, BooleanSupplier done, Supplier<T> answer) {
        Waiting w = pending.compute(id, (k, old) -> {
            Waiting n = old == null ? new Waiting() : old;
            n.waiters++;
            return n;
        });
        CompletableFuture<T> out = w.signal.copy().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> leave(id, w))
                .thenApplyAsync(v -> answer.get(), answers);
        if (done.getAsBoolean()) {
            signal(id);
        }
        return out;
    }

    private void leave(String id, Waiting w) {
        pending.computeIfPresent(id, (k, cur) -> cur == w && --cur.waiters <= 0 ? null : cur);
    }

    /** The document has been checked (here or on another server): wakes its waiters. */
    public void signal(String id) {
        Waiting w = pending.remove(id);
        if (w != null) {
            w.signal.complete(null);
        }
    }

    /** Documents someone is waiting for (for metrics). */
    public int waiting() {
        return pending.size();
    }

    @Override
    public void close() {
        answers.shutdownNow();
    }
}
