package org.gongkai.server.document.view;

/**
 * Which originals have page images: PDF only. For DOCX, DOC, WPS, OFD and text files the text view shows every
 * finding in place; their pages are not rendered here (that would mean running an office suite on hostile files,
 * and its pages would not match the extracted text's offsets).
 */
public final class PageAvailability {
    public static final String PDF = "application/pdf";

    private PageAvailability() {
    }

    public static boolean available(String mediaType) {
        return PDF.equals(mediaType);
    }

    public static String chinese(String mediaType) {
        return "页面图像仅适用于 PDF 原件；本文件（" + mediaType + "）请在全文视图中查看每项发现";
    }

    public static String english(String mediaType) {
        return "page images exist for PDF originals only; for this file (" + mediaType + ") the text view shows every finding in place";
    }
}
