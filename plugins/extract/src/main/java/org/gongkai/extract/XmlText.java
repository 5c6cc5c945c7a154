package org.gongkai.extract;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of any XML part (chart labels and cached values, SmartArt data, custom XML data, parts gongkai has no
 * reader for): every text node, one line each, and — where data may be kept in attributes — attribute values that
 * hold letters or digits. DTDs and external entities are off (no XXE). Stops at {@code maxChars}.
 */
final class XmlText {
    private static final XMLInputFactory FACTORY = factory();

    private XmlText() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    static String read(InputStream in, boolean attributes, int maxChars) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        StringBuilder out = new StringBuilder();
        StringBuilder node = new StringBuilder();
        try {
            while (r.hasNext() && out.length() < maxChars) {
                int ev = r.next();
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    node.append(r.getText());
                    continue;
                }
                line(out, node);
                if (ev == XMLStreamConstants.START_ELEMENT && attributes) {
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String v = r.getAttributeValue(i);
                        if (v != null && v.strip().length() >= 2 && v.codePoints().anyMatch(Character::isLetterOrDigit)
                                && !v.startsWith("{") && !v.startsWith("http://schemas.")) {
                            node.append(v);
                            line(out, node);
                        }
                    }
                }
            }
            line(out, node);
        } finally {
            r.close();
        }
        return out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
    }

    private static void line(StringBuilder out, StringBuilder node) {
        String s = node.toString().strip();
        node.setLength(0);
        if (!s.isEmpty()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(s);
        }
    }
}
