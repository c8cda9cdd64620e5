package tutorial.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished spans, one log line each, so that a learner follows a trace without a tracing backend:
 * {@code trace 4bf9... span 00f0... parent - SERVER "GET /repos/{username}/{repository}" 412.3 ms
 * status 200 exemplar}. "exemplar" marks a span that client_java picked as an exemplar (it sets the
 * span's {@code exemplar} attribute when it does).
 */
final class SpanLog implements SpanExporter {

  private static final Logger LOG = LoggerFactory.getLogger(SpanLog.class);
  private static final AttributeKey<String> EXEMPLAR = AttributeKey.stringKey("exemplar");

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    for (SpanData span : spans) {
      LOG.info(line(span));
    }
    return CompletableResultCode.ofSuccess();
  }

  static String line(SpanData span) {
    String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : "-";
    Long status = span.getAttributes().get(OtelTracing.STATUS);
    return String.format(
        Locale.ROOT,
        "trace %s span %s parent %s %s \"%s\" %.1f ms status %s%s",
        span.getTraceId(),
        span.getSpanId(),
        parent,
        span.getKind(),
        span.getName(),
        (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6,
        status == null ? "-" : status,
        "true".equals(span.getAttributes().get(EXEMPLAR)) ? " exemplar" : "");
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
