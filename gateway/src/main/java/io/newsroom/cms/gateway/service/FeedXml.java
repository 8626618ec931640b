package io.newsroom.cms.gateway.service;

import org.jsoup.nodes.Entities;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;

/** XML answers (RSS, sitemap) written with the JDK's StAX writer, which escapes every text and attribute value. */
final class FeedXml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private FeedXml() {
    }

    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(text);
        writer.writeEndElement();
    }

    /**
     * Plain text made safe to show as HTML (jsoup's escaping): what feed readers do with {@code <description>}. The XML
     * writer then escapes the result once more for the XML around it.
     */
    static String htmlEscape(String text) {
        return Entities.escape(text);
    }
}
