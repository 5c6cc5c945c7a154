package org.gongkai.extract;

import java.io.InputStream;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the extended (app.xml) and custom (custom.xml) property parts of an OOXML package. */
final class PropertiesXml {
    private static final XMLInputFactory FACTORY = factory();

    private PropertiesXml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    static void read(InputStream in, Set<String> names, BiConsumer<String, String> out) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && names.contains(r.getLocalName())) {
                    String name = r.getLocalName();
                    out.accept(name, r.getElementText());
                }
            }
        } finally {
            r.close();
        }
    }

    static void readCustom(InputStream in, BiConsumer<String, String> out) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(in);
        try {
            String name = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    if (r.getLocalName().equals("property")) {
                        name = r.getAttributeValue(null, "name");
                    } else if (name != null && (r.getLocalName().equals("lpwstr") || r.getLocalName().equals("lpstr"))) {
                        out.accept(name, r.getElementText());
                    }
                }
            }
        } finally {
            r.close();
        }
    }
}
