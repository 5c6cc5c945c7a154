package org.gongkai.server.notice;

import java.util.EnumMap;
import java.util.Map;
import org.gongkai.spi.Category;

/** What a drafter should do about each kind of finding, in the words a 文书 would use. */
final class Remedies {
    private static final Map<Category, String> TODO = new EnumMap<>(Category.class);

    static {
        TODO.put(Category.ATTRIBUTE_MISSING, "在成文日期之下、附件之前的附注位置，按“（此件主动公开）”“（此件依申请公开）”“（此件不予公开）”或“（此件部分公开）”标注公开属性，并在发文呈批单中填写同一属性。");
        TODO.put(Category.ATTRIBUTE_REASON_MISSING, "依申请公开、不予公开或部分公开的，在发文呈批单中写明理由和依据（如“涉及个人隐私，条例第十五条”）。");
        TODO.put(Category.ATTRIBUTE_MISMATCH, "核对发文呈批单与附注：两处的公开属性须一致，按审定的属性改正其一。");
        TODO.put(Category.ATTRIBUTE_CONFLICT, "该文种或内容不宜主动公开：改为依申请公开/不予公开并说明理由，或删去不宜公开的内容后再标注主动公开。");
        TODO.put(Category.INTERPRETATION_MISSING, "政策性文件主动公开的，随文报送政策解读材料（上传时放在 interpretation 字段），做到同步起草、同步审签、同步发布。");
        TODO.put(Category.SECRECY_MARKING, "文件标有密级：不得公开，请按保密规定办理，或经定密责任人解密后再报送。");
        TODO.put(Category.SECRET_CONTENT, "疑似涉密内容：请提交保密审查，确认不涉密后再报送。");
        TODO.put(Category.INTERNAL_MARKING, "文件标有内部/工作秘密标识：确需公开的，删去标识并说明理由；否则不予公开。");
        TODO.put(Category.HIDDEN_CONTENT, "清除修订痕迹（接受或拒绝全部修订）、删除批注和隐藏文字，清空文档属性中的作者、单位后重新生成文件。");
        TODO.put(Category.FORMAT, "按 GB/T 9704-2012 改正格式。");
        TODO.put(Category.EXTRACTION_FAILED, "文件无法完整读取（加密、损坏或格式不支持）：请去除密码、另存为 DOCX 或 PDF 后重新报送。");
        TODO.put(Category.NO_TEXT, "文件没有可读取的文字层（扫描件）：请报送可编辑的 DOCX 或带文字层的 PDF。");
        TODO.put(Category.PROCESS_INFO, "过程性信息（讨论稿、请示、内部研究意见）一般不主动公开：请核实公开属性。");
        TODO.put(Category.TRADE_SECRET, "涉及商业秘密：删去或改为不予公开，确需公开的须征求第三方意见（条例第三十二条）。");
        TODO.put(Category.STABILITY, "涉及稳定等敏感内容：请提交保密审查后再定公开属性。");
        TODO.put(Category.INTERNAL_AFFAIRS, "内部事务信息一般不公开：请核实公开属性或删去相关内容。");
        TODO.put(Category.ENFORCEMENT_CASE, "行政执法案卷信息：公开前须依法审查，删去当事人个人信息。");
    }

    private Remedies() {
    }

    static String forCategory(Category c) {
        String s = TODO.get(c);
        if (s != null) {
            return s;
        }
        return c.exempt() ? "个人信息：公开前删除或遮盖（如身份证号显示为 500105********4428，姓名显示为 张某）。" : "请核实并修改。";
    }
}
