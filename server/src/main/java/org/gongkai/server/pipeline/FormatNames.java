package org.gongkai.server.pipeline;

import java.util.Locale;

/**
 * What to call a file the pipeline cannot check or read, so that the drafter knows what to do: the kind of file in
 * Chinese and English, and for the old formats gongkai does not read, the advice to save it as DOCX. Encrypted Office
 * files hide their type inside the encryption; they are named by the file name's extension (only the wording depends
 * on it, never what happens to the file).
 */
public final class FormatNames {
    private FormatNames() {
    }

    /** A bilingual message: {@code zh} and {@code en} parts. */
    public record Message(String zh, String en) {
        public String joined() {
            return zh + " / " + en;
        }
    }

    /** Why a file of {@code mediaType} cannot be checked (HTTP 415 at intake; EXTRACTION_FAILED in the CLI). */
    public static Message unsupported(String mediaType) {
        String t = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        if (t.equals("application/vnd.ms-works") || t.startsWith("application/x-tika-msworks")) {
            return new Message("不支持的旧格式（Microsoft Works 文档），无法检查，请另存为 DOCX 后重新上传",
                    "unsupported old format (Microsoft Works); save it as DOCX and upload again");
        }
        if (t.equals("application/vnd.wordperfect") || t.equals("application/x-mswrite") || t.equals("application/vnd.stardivision.writer")) {
            return new Message("不支持的旧格式（" + mediaType + "），无法检查，请另存为 DOCX 后重新上传",
                    "unsupported old format (" + mediaType + "); save it as DOCX and upload again");
        }
        String kind = kind(t);
        if (kind != null) {
            return new Message("无法检查" + kind + "（" + mediaType + "）。请上传 DOCX、DOC、WPS、PDF、OFD 或 TXT 文件",
                    "cannot check " + english(kind) + " (" + mediaType + "); upload DOCX, DOC, WPS, PDF, OFD or TXT");
        }
        return new Message("无法检查此类型的文件（" + mediaType + "）。请上传 DOCX、DOC、WPS、PDF、OFD 或 TXT 文件",
                "cannot check files of type " + mediaType + "; upload DOCX, DOC, WPS, PDF, OFD or TXT");
    }

    /** The message for an encrypted Office package, naming it by the file name's extension. */
    public static Message encryptedOffice(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String ext = n.substring(n.lastIndexOf('.') + 1);
        String kind = switch (ext) {
            case "xlsx", "xlsm", "xlsb", "xls", "xltx", "et" -> "Excel 工作簿";
            case "pptx", "pptm", "ppt", "ppsx", "potx", "dps" -> "PowerPoint 演示文稿";
            case "docx", "docm", "doc", "dotx", "wps" -> "Word 文档";
            default -> "Office 文档（Word、Excel 或 PowerPoint）";
        };
        String tail = kind.startsWith("Excel") || kind.startsWith("PowerPoint") ? "；gongkai 检查公文正文，请将其内容另存为 DOCX 或 PDF 后上传" : "；请去除密码后重新上传";
        return new Message(kind + "已加密或设有打开密码，无法读取，须人工审查" + tail,
                "the " + english(kind) + " is encrypted or password-protected and cannot be read; manual review needed");
    }

    private static String kind(String t) {
        if (t.contains("spreadsheet") || t.contains("ms-excel") || t.contains("opendocument.spreadsheet")) {
            return "Excel 工作簿";
        }
        if (t.contains("presentation") || t.contains("powerpoint")) {
            return "PowerPoint 演示文稿";
        }
        return null;
    }

    private static String english(String kind) {
        return kind.startsWith("Excel") ? "Excel workbook" : kind.startsWith("PowerPoint") ? "PowerPoint presentation"
                : kind.startsWith("Word") ? "Word document" : "Office document";
    }
}
