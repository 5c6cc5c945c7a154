package org.gongkai.gongwen;

/** Infers the 文种 from a title (党政机关公文处理工作条例 第八条, plus 决定书, 公示, 简报 and policy forms). */
final class DocTypes {
    private DocTypes() {
    }

    static String infer(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String t = Line.compact(title).replaceAll("[（(【\\[][^）)】\\]]{0,12}(稿|草案)[）)】\\]]$", "").replaceAll("[。.：:]$", "");
        for (String type : Patterns.DOC_TYPES) {
            if (t.endsWith(type)) {
                if (type.equals("令") && !(t.matches(".*第\\d+号令$") || t.endsWith("命令") || t.length() <= 8)) {
                    return null;
                }
                return type.equals("会议纪要") ? "纪要" : type;
            }
        }
        return null;
    }

    /** True for 转发类 titles (关于转发…的通知): they take the attribute of what they forward. */
    static boolean forwarding(String title) {
        return title != null && Line.compact(title).matches("^关于转发.*");
    }
}
