package org.gongkai.server.pipeline;

import java.util.List;
import java.util.Map;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Route;

/**
 * The outcome of checking one document.
 *
 * @param text       the extracted text, or {@code null} when nothing could be read
 * @param docType    the inferred 文种, or null
 * @param elements   GB/T 9704 elements by key
 * @param declared   declared attribute or null
 * @param detected   annotated attribute (NONE when none)
 * @param effective  declared, else detected
 * @param reason     declared reason, else the annotation's
 * @param route      final route
 * @param routeRule  which rule decided
 * @param findings   merged findings, placed in the document
 * @param timings    milliseconds per stage (extract, detect, route)
 */
public record CheckResult(DocumentText text, String docType, Map<String, String> elements, Attribute declared, Attribute detected,
                          Attribute effective, String reason, Route route, String routeRule, List<ReportedFinding> findings,
                          Map<String, Long> timings) {
}
