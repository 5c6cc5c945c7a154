package org.gongkai.server.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.gongkai.server.pipeline.Extraction;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.PluginConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every extraction in a child JVM of a small warm pool (one child per processing worker), in the manner of
 * Tika's forked mode: the server passes the stored file's path and gets compact JSON back. A child is memory-capped
 * ({@code -Xmx}), killed at the time-out, replaced when it crashes, runs out of memory or has served
 * {@link IsolationConfig#restartAfter()} documents. Whatever a parser does costs one document — it goes to
 * MANUAL_REVIEW with the reason — never the server. Children's temporary folders live in {@code data/extract-tmp},
 * are emptied after each document and removed with the child; the folder is emptied when the server starts.
 */
public final class ChildProcessExtraction implements Extraction {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessExtraction.class);
    private final IsolationConfig cfg;
    private final PluginConfig.Environment env;
    private final Path tmpRoot;
    private final long timeoutMillis;
    private final LinkedBlockingQueue<ChildProcess> idle = new LinkedBlockingQueue<>();
    private final List<ChildProcess> all = new ArrayList<>();
    private final ExtractionWire wire = new ExtractionWire();
    private volatile boolean closed;

    /**
     * Starts {@code children} children at once, so the first documents find them warm.
     *
     * @param env the plugin environment; temporary folders go to {@code env.data()/extract-tmp}
     */
    public ChildProcessExtraction(IsolationConfig cfg, PluginConfig.Environment env, int children, long timeoutMillis) {
        this.cfg = cfg;
        this.env = env;
        this.timeoutMillis = timeoutMillis;
        // not below data/tmp: the blob store empties that folder file by file at start-up
        this.tmpRoot = env.data().resolve("extract-tmp");
        ChildProcess.deleteTree(tmpRoot); // what children of an earlier run (killed with the server) left behind
        for (int i = 0; i < Math.max(1, children); i++) {
            idle.add(spawn());
        }
    }

    /** A new child, or {@code null} once the pool is closed (a child started then would outlive the server's data folder). */
    private synchronized ChildProcess spawn() {
        if (closed) {
            return null;
        }
        try {
            ChildProcess c = ChildProcess.start(cfg, env, tmpRoot);
            all.add(c);
            return c;
        } catch (IOException e) {
            throw new IllegalStateException("解析子进程无法启动 / cannot start an extraction child process: " + e.getMessage(), e);
        }
    }

    private synchronized void retire(ChildProcess c) {
        all.remove(c);
        c.destroy();
    }

    @Override
    public DocumentText extract(Extractor extractor, Path file, String mediaType, ExtractionLimits limits) throws ExtractionException {
        ChildProcess child;
        try {
            child = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.TIMEOUT, "处理被中断 / processing was interrupted", e);
        }
        boolean keep = false;
        try {
            if (!child.alive()) {
                retire(child);
                child = spawn();
                if (child == null) {
                    throw new ExtractionException(Reason.TIMEOUT, "服务正在停止，处理被中断 / the server is stopping; processing was interrupted");
                }
            }
            ChildProcess.Outcome o = child.call(wire.request(new ExtractionWire.Request(extractor.name(), file, mediaType, limits)),
                    timeoutMillis, cfg.startupSeconds() * 1000L);
            if (o instanceof ChildProcess.Answer a) {
                DocumentText t;
                try {
                    t = wire.readAnswer(a.line());
                } catch (ExtractionException e) {
                    // an answer cut short: the child died while writing it (out of memory)
                    ChildProcess.Outcome end = child.awaitEnd();
                    throw end instanceof ChildProcess.Died ? failure(end, child, file) : e;
                }
                keep = child.served() < cfg.restartAfter();
                return t;
            }
            throw failure(o, child, file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.TIMEOUT, "处理被中断 / processing was interrupted", e);
        } finally {
            child.cleanTemporary();
            if (!keep) {
                retire(child);
                try {
                    child = spawn();
                } catch (IllegalStateException e) {
                    LOG.error("extraction child could not be restarted; the next document tries again", e);
                    // the retired child goes back: the next caller finds it dead and starts another
                }
            }
            if (child != null) {
                idle.add(child);
            }
        }
    }

    private ExtractionException failure(ChildProcess.Outcome o, ChildProcess child, Path file) {
        if (o instanceof ChildProcess.TimedOut) {
            LOG.warn("extraction child {} did not finish {} within {} s; killed", child.pid(), file.getFileName(), timeoutMillis / 1000);
            return new ExtractionException(Reason.TIMEOUT, "文本提取超时（" + timeoutMillis / 1000 + " 秒），解析进程已终止，须人工审查 / text extraction "
                    + "timed out after " + timeoutMillis / 1000 + " s; the parser process was stopped; manual review needed");
        }
        int status = ((ChildProcess.Died) o).exitStatus();
        LOG.warn("extraction child {} ended with status {} while reading {}", child.pid(), status, file.getFileName());
        if (status == ChildProcess.OUT_OF_MEMORY_EXIT) {
            return new ExtractionException(Reason.LIMIT_EXCEEDED, "解析文件所需内存超过上限（" + cfg.childHeapMb() + " MB），解析进程已重启，须人工审查 / "
                    + "reading the file needed more than the " + cfg.childHeapMb() + " MB memory limit; the parser process was restarted; manual review needed");
        }
        return new ExtractionException(Reason.CORRUPT, "解析进程异常退出（状态 " + status + "），文件未能读取，须人工审查 / the parser process crashed (status "
                + status + ") reading the file; manual review needed");
    }

    /** Process ids of the children now running (for tests and diagnostics). */
    public synchronized List<Long> childPids() {
        return all.stream().filter(ChildProcess::alive).map(ChildProcess::pid).toList();
    }

    @Override
    public void close() {
        closed = true; // before taking the lock: a spawn waiting for it then starts nothing
        synchronized (this) {
            closeChildren();
        }
    }

    private void closeChildren() {
        for (ChildProcess c : new ArrayList<>(all)) {
            c.destroy();
        }
        all.clear();
        idle.clear();
        ChildProcess.deleteTree(tmpRoot);
    }
}
