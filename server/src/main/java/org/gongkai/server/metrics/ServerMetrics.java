package org.gongkai.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.gongkai.server.document.CheckListener;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.spi.Category;
import org.jdbi.v3.core.Handle;

/**
 * What operations watch, in Prometheus form ({@code GET /api/v1/metrics}): uploads, checks by route,
 * processing and upload-to-checked time histograms, extraction failures by reason, queue depths and overdue
 * items, processing backlog, waiters, the search index's position in the change log, and the JVM. Counted
 * only once the check's transaction has committed.
 */
public final class ServerMetrics implements CheckListener {
    /** Open and overdue items of one review queue. */
    public record QueueDepth(String queue, int open, int overdue) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter uploads;
    private final Timer processing;
    private final Timer uploadToChecked;
    private final Map<String, QueueDepth> depths = new ConcurrentHashMap<>();
    private final Supplier<List<QueueDepth>> queues;
    private volatile long depthsReadAt;

    /** @param queues reads the review queues' depths (called at most every few seconds, when scraped) */
    public ServerMetrics(Supplier<List<QueueDepth>> queues) {
        this.queues = queues;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        uploads = Counter.builder("gongkai.uploads").description("uploads accepted (202)").register(registry);
        processing = Timer.builder("gongkai.processing").description("time a worker spent checking one document")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(120))
                .register(registry);
        uploadToChecked = Timer.builder("gongkai.upload.to.checked").description("time from upload to CHECKED")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(600))
                .register(registry);
    }

    /** A gauge read when scraped. */
    public <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    public void uploaded() {
        uploads.increment();
    }

    @Override
    public void onChecked(Handle handle, DocumentRecord d, CheckResult r) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        handle.afterCommit(() -> {
            registry.counter("gongkai.checks", "route", r.route().name()).increment();
            if (d.processingStartedAt() != null) {
                processing.record(Duration.between(d.processingStartedAt(), now));
            }
            uploadToChecked.record(Duration.between(d.receivedAt(), now));
            r.findings().stream().map(f -> f.category()).filter(c -> c == Category.EXTRACTION_FAILED || c == Category.NO_TEXT).distinct()
                    .forEach(c -> registry.counter("gongkai.extraction.failures", "category", c.name()).increment());
        });
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        refreshQueueDepths();
        return registry.scrape();
    }

    private void refreshQueueDepths() {
        long now = System.currentTimeMillis();
        if (now - depthsReadAt < 5000) {
            return;
        }
        depthsReadAt = now;
        for (QueueDepth q : queues.get()) {
            if (depths.put(q.queue(), q) == null) {
                Gauge.builder("gongkai.queue.open", depths, m -> m.get(q.queue()).open()).tag("queue", q.queue())
                        .description("open items in a review queue").register(registry);
                Gauge.builder("gongkai.queue.overdue", depths, m -> m.get(q.queue()).overdue()).tag("queue", q.queue())
                        .description("open items past their deadline").register(registry);
            }
        }
    }
}
