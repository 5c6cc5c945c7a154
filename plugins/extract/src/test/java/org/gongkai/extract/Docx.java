package org.gongkai.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes minimal DOCX packages from WordprocessingML fragments, for structures that must be exact (tracked
 * changes on table rows, hidden text split over runs, comment anchors, text boxes with fallbacks).
 */
final class Docx {
    static final String W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private final StringBuilder body = new StringBuilder();
    private final List<String> comments = new ArrayList<>();
    private String header;
    private String footer;
    private String creator;
    private String company;
    private String documentPrologue = "";
    private final Map<String, byte[]> embeddings = new LinkedHashMap<>();
    /** Further parts: name → {content type, relationship type or null, relationship id}, and their bytes. */
    private final Map<String, String[]> extraParts = new LinkedHashMap<>();
    private final Map<String, byte[]> extraBytes = new LinkedHashMap<>();
    /** Further relationships of the document: id → {type, target, external}. */
    private final Map<String, String[]> extraRels = new LinkedHashMap<>();

    static Docx create() {
        return new Docx();
    }

    /** Appends body XML (paragraphs, tables). */
    Docx body(String xml) {
        body.append(xml);
        return this;
    }

    Docx comment(String id, String author, String text) {
        comments.add("<w:comment w:id=\"" + id + "\" w:author=\"" + esc(author) + "\">" + p(r(text)) + "</w:comment>");
        return this;
    }

    /** A comment whose content is the given paragraphs or tables. */
    Docx commentXml(String id, String author, String xml) {
        comments.add("<w:comment w:id=\"" + id + "\" w:author=\"" + esc(author) + "\">" + xml + "</w:comment>");
        return this;
    }

    Docx header(String xml) {
        header = xml;
        return this;
    }

    Docx footer(String xml) {
        footer = xml;
        return this;
    }

    Docx creator(String s) {
        creator = s;
        return this;
    }

    Docx company(String s) {
        company = s;
        return this;
    }

    /** Text placed before the root element of document.xml (e.g. a DOCTYPE). */
    Docx prologue(String s) {
        documentPrologue = s;
        return this;
    }

    /** An embedded object under word/embeddings, linked from the document as a package. */
    Docx embed(String fileName, byte[] data) {
        embeddings.put(fileName, data);
        return this;
    }

    /**
     * A part {@code name} (below the package root, e.g. {@code word/charts/chart1.xml}) of {@code contentType}, related
     * from the document as {@code relType} (a full URI) with id {@code relId}, or not related when {@code relType} is null.
     */
    Docx part(String name, String contentType, String relType, String relId, byte[] data) {
        extraParts.put(name, new String[] {contentType, relType, relId});
        extraBytes.put(name, data);
        return this;
    }

    /** A relationship of the document to an external target (a hyperlink) or an existing part. */
    Docx rel(String id, String type, String target, boolean external) {
        extraRels.put(id, new String[] {type, target, String.valueOf(external)});
        return this;
    }

    static final String RELS = REL;

    // ---- fragments ----

    static String p(String... runs) {
        return "<w:p>" + String.join("", runs) + "</w:p>";
    }

    static String r(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
    }

    static String hidden(String text) {
        return "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
    }

    static String del(String... texts) {
        StringBuilder sb = new StringBuilder("<w:del w:id=\"90\" w:author=\"起草人\" w:date=\"2022-07-01T00:00:00Z\">");
        for (String t : texts) {
            sb.append("<w:r><w:delText xml:space=\"preserve\">").append(esc(t)).append("</w:delText></w:r>");
        }
        return sb.append("</w:del>").toString();
    }

    static String ins(String... texts) {
        StringBuilder sb = new StringBuilder("<w:ins w:id=\"91\" w:author=\"起草人\" w:date=\"2022-07-01T00:00:00Z\">");
        for (String t : texts) {
            sb.append(r(t));
        }
        return sb.append("</w:ins>").toString();
    }

    static String commentRef(String id) {
        return "<w:commentRangeStart w:id=\"" + id + "\"/><w:commentRangeEnd w:id=\"" + id + "\"/><w:r><w:commentReference w:id=\"" + id + "\"/></w:r>";
    }

    /** A table; each row is an array of cells, each cell a string of paragraphs XML. */
    static String table(String[]... rows) {
        return table(null, rows);
    }

    /** A table whose rows carry {@code rowProperties} (e.g. a tracked row insertion) when not null. */
    static String table(String rowProperties, String[]... rows) {
        StringBuilder sb = new StringBuilder("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
        for (String[] row : rows) {
            sb.append("<w:tr>");
            if (rowProperties != null) {
                sb.append("<w:trPr>").append(rowProperties).append("</w:trPr>");
            }
            for (String cell : row) {
                sb.append("<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>").append(cell).append("</w:tc>");
            }
            sb.append("</w:tr>");
        }
        return sb.append("</w:tbl>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---- package ----

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
        return file;
    }

    private void write(OutputStream os) throws IOException {
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"bin\" ContentType=\"application/vnd.openxmlformats-officedocument.oleObject\"/>"
                + "<Default Extension=\"docx\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\"/>"
                + "<Default Extension=\"txt\" ContentType=\"text/plain\"/>"
                + "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
        StringBuilder rootRels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "officeDocument\" Target=\"word/document.xml\"/>");
        StringBuilder docRels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        String ns = "xmlns:w=\"" + W_NS + "\" xmlns:r=\"" + REL.substring(0, REL.length() - 1)
                + "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" mc:Ignorable=\"wps\"";
        StringBuilder sect = new StringBuilder("<w:sectPr>");
        int rid = 10;
        if (!comments.isEmpty()) {
            types.append("<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>");
            docRels.append("<Relationship Id=\"rId").append(rid++).append("\" Type=\"").append(REL).append("comments\" Target=\"comments.xml\"/>");
            parts.put("word/comments.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:comments " + ns + ">"
                    + String.join("", comments) + "</w:comments>"));
        }
        if (header != null) {
            String id = "rId" + rid++;
            types.append("<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>");
            docRels.append("<Relationship Id=\"").append(id).append("\" Type=\"").append(REL).append("header\" Target=\"header1.xml\"/>");
            parts.put("word/header1.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr " + ns + ">" + header + "</w:hdr>"));
            sect.append("<w:headerReference w:type=\"default\" r:id=\"").append(id).append("\"/>");
        }
        if (footer != null) {
            String id = "rId" + rid++;
            types.append("<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>");
            docRels.append("<Relationship Id=\"").append(id).append("\" Type=\"").append(REL).append("footer\" Target=\"footer1.xml\"/>");
            parts.put("word/footer1.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:ftr " + ns + ">" + footer + "</w:ftr>"));
            sect.append("<w:footerReference w:type=\"default\" r:id=\"").append(id).append("\"/>");
        }
        sect.append("</w:sectPr>");
        for (var e : embeddings.entrySet()) {
            docRels.append("<Relationship Id=\"rId").append(rid++).append("\" Type=\"").append(REL).append("package\" Target=\"embeddings/")
                    .append(e.getKey()).append("\"/>");
            parts.put("word/embeddings/" + e.getKey(), e.getValue());
        }
        for (var e : extraParts.entrySet()) {
            String name = e.getKey();
            String[] v = e.getValue();
            types.append("<Override PartName=\"/").append(name).append("\" ContentType=\"").append(v[0]).append("\"/>");
            if (v[1] != null) {
                String target = name.startsWith("word/") ? name.substring(5) : "../" + name;
                docRels.append("<Relationship Id=\"").append(v[2]).append("\" Type=\"").append(v[1]).append("\" Target=\"").append(target).append("\"/>");
            }
            parts.put(name, extraBytes.get(name));
        }
        for (var e : extraRels.entrySet()) {
            String[] v = e.getValue();
            docRels.append("<Relationship Id=\"").append(e.getKey()).append("\" Type=\"").append(v[0]).append("\" Target=\"").append(esc(v[1]))
                    .append(Boolean.parseBoolean(v[2]) ? "\" TargetMode=\"External\"/>" : "\"/>");
        }
        if (creator != null) {
            types.append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
            rootRels.append("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>");
            parts.put("docProps/core.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:creator>" + esc(creator) + "</dc:creator></cp:coreProperties>"));
        }
        if (company != null) {
            types.append("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>");
            rootRels.append("<Relationship Id=\"rId3\" Type=\"" + REL + "extended-properties\" Target=\"docProps/app.xml\"/>");
            parts.put("docProps/app.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Company>" + esc(company)
                    + "</Company></Properties>"));
        }
        types.append("</Types>");
        rootRels.append("</Relationships>");
        docRels.append("</Relationships>");
        try (ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "[Content_Types].xml", utf8(types.toString()));
            put(zip, "_rels/.rels", utf8(rootRels.toString()));
            put(zip, "word/document.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + documentPrologue
                    + "<w:document " + ns + "><w:body>" + body + sect + "</w:body></w:document>"));
            put(zip, "word/_rels/document.xml.rels", utf8(docRels.toString()));
            for (var e : parts.entrySet()) {
                put(zip, e.getKey(), e.getValue());
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
