package org.gongkai.server.isolation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Part;

/**
 * The one-line JSON messages between the server and an extraction child: a request names the stored file (never its
 * bytes), the extractor and the limits; the answer is the document's blocks as compact arrays, or the reason nothing
 * could be read. One line each way per document.
 */
final class ExtractionWire {
    static final String READY = "{\"ready\":1}";
    private final ObjectMapper json = new ObjectMapper();

    record Request(String extractor, Path file, String mediaType, ExtractionLimits limits) {
    }

    String request(Request r) {
        ObjectNode o = json.createObjectNode();
        o.put("x", r.extractor());
        o.put("f", r.file().toAbsolutePath().toString());
        o.put("t", r.mediaType());
        ExtractionLimits l = r.limits();
        o.put("c", l.maxChars());
        o.put("d", l.maxEmbeddedDepth());
        o.put("r", l.minInflateRatio());
        o.put("o", l.ocrEnabled());
        return write(o);
    }

    Request readRequest(String line) throws JsonProcessingException {
        JsonNode o = json.readTree(line);
        return new Request(o.get("x").asText(), Path.of(o.get("f").asText()), o.get("t").asText(),
                new ExtractionLimits(o.get("c").asInt(), o.get("d").asInt(), o.get("r").asDouble(), o.get("o").asBoolean()));
    }

    String answer(DocumentText t) {
        ObjectNode o = json.createObjectNode();
        ArrayNode blocks = o.putArray("b");
        for (Block b : t.blocks()) {
            ArrayNode a = blocks.addArray();
            a.add(b.part().name()).add(b.text());
            if (b.page() == null) {
                a.addNull();
            } else {
                a.add(b.page());
            }
            a.add(b.source());
        }
        ArrayNode gaps = o.putArray("g");
        for (ExtractionGap g : t.gaps()) {
            ArrayNode a = gaps.addArray().add(g.reason().name()).add(g.message());
            if (g.page() == null) {
                a.addNull();
            } else {
                a.add(g.page());
            }
        }
        ObjectNode p = o.putObject("p");
        t.properties().forEach(p::put);
        o.put("n", t.pageCount());
        return write(o);
    }

    String failure(ExtractionException e) {
        ObjectNode o = json.createObjectNode();
        o.put("e", e.reason().name());
        o.put("m", e.getMessage());
        return write(o);
    }

    /** The document an answer carries. */
    DocumentText readAnswer(String line) throws ExtractionException {
        JsonNode o;
        try {
            o = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ExtractionException(ExtractionException.Reason.CORRUPT, "解析进程的回答无法读取 / the parser process gave an unreadable answer", e);
        }
        if (o.has("e")) {
            throw new ExtractionException(ExtractionException.Reason.valueOf(o.get("e").asText()), o.get("m").asText());
        }
        List<Block> blocks = new ArrayList<>();
        for (JsonNode a : o.get("b")) {
            blocks.add(new Block(Part.valueOf(a.get(0).asText()), a.get(1).asText(), a.get(2).isNull() ? null : a.get(2).asInt(), a.get(3).asText()));
        }
        List<ExtractionGap> gaps = new ArrayList<>();
        for (JsonNode a : o.get("g")) {
            gaps.add(new ExtractionGap(ExtractionGap.Reason.valueOf(a.get(0).asText()), a.get(1).asText(), a.get(2).isNull() ? null : a.get(2).asInt()));
        }
        Map<String, String> props = new HashMap<>();
        o.get("p").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
        return new DocumentText(blocks, gaps, props, o.get("n").asInt());
    }

    private String write(JsonNode o) {
        try {
            return json.writeValueAsString(o); // JSON escapes line breaks: one message, one line
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
