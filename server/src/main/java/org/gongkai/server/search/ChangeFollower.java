package org.gongkai.server.search;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.gongkai.server.storage.ChangeLog;

/**
 * Follows the database's change log in order of sequence number and applies each change once. Sequence
 * numbers are handed out before commit, so a change can appear after a higher one: every number below the
 * highest applied one that is missing (a gap) is looked for again on each poll until it appears or
 * {@code gapPatienceMillis} passes (a rolled-back transaction leaves a gap for ever). {@link #floor()} is the
 * number up to which everything is applied: what the search index records in its commit.
 */
final class ChangeFollower {
    private static final int BATCH = 500;
    private final ChangeLog log;
    private final Consumer<ChangeLog.Change> apply;
    private final long gapPatienceMillis;
    private long floor;
    /** Applied numbers above the floor (there is a gap below each). */
    private final TreeSet<Long> applied = new TreeSet<>();
    /** Missing numbers above the floor and when they were first missed. */
    private final Map<Long, Long> gaps = new TreeMap<>();

    ChangeFollower(ChangeLog log, long floor, long gapPatienceMillis, Consumer<ChangeLog.Change> apply) {
        this.log = log;
        this.floor = floor;
        this.gapPatienceMillis = gapPatienceMillis;
        this.apply = apply;
    }

    synchronized long floor() {
        return floor;
    }

    /** Reads and applies what is new, and any gap that has filled; returns how many changes were applied. */
    synchronized int poll(long nowMillis) {
        int n = 0;
        if (!gaps.isEmpty()) {
            n += applyAll(log.withSeq(gaps.keySet().stream().limit(BATCH).toList()), nowMillis);
        }
        List<ChangeLog.Change> batch;
        do {
            batch = log.after(applied.isEmpty() ? floor : applied.last(), BATCH);
            n += applyAll(batch, nowMillis);
        } while (batch.size() == BATCH);
        expireGaps(nowMillis);
        return n;
    }

    private int applyAll(List<ChangeLog.Change> changes, long nowMillis) {
        int n = 0;
        for (ChangeLog.Change c : changes) {
            if (c.seq() <= floor || applied.contains(c.seq())) {
                continue;
            }
            apply.accept(c);
            markApplied(c.seq(), nowMillis);
            n++;
        }
        return n;
    }

    /** A change this server applied itself (right after its own commit), so the poll need not apply it again. */
    synchronized void markApplied(long seq, long nowMillis) {
        if (seq <= floor || !applied.add(seq)) {
            return;
        }
        gaps.remove(seq);
        for (long s = applied.last() - 1; s > floor && !applied.contains(s) && !gaps.containsKey(s); s--) {
            gaps.put(s, nowMillis);
        }
        advance();
    }

    private void expireGaps(long nowMillis) {
        for (Iterator<Map.Entry<Long, Long>> it = gaps.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Long> g = it.next();
            if (nowMillis - g.getValue() > gapPatienceMillis) {
                it.remove();
                applied.add(g.getKey()); // given up on: treated as applied so the floor moves past it
            }
        }
        advance();
    }

    private void advance() {
        while (applied.contains(floor + 1)) {
            applied.remove(++floor);
        }
    }

    synchronized int openGaps() {
        return gaps.size();
    }
}
