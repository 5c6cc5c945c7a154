package org.gongkai.spi;

/**
 * The finding categories of the external contract (shared/CONTRACT.md), each with its Chinese name and the
 * national legal basis a finding cites unless the detector gives a more precise one; the deploying office's own
 * rules are added by the host from {@code config/basis} (a county's rules are never cited here). Codes are
 * stable: never rename.
 *
 * @since 0.1
 */
public enum Category {
    ATTRIBUTE_MISSING("未标注公开属性", "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）一、（一）（行政机关拟制公文时要明确主动公开、依申请公开、不予公开等属性，随公文一并报批）", Kind.ATTRIBUTE),
    ATTRIBUTE_REASON_MISSING("依申请公开/不予公开未说明理由", "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）一、（一）（拟不公开的，要依法依规说明理由）", Kind.ATTRIBUTE),
    ATTRIBUTE_CONFLICT("主动公开文件夹带不宜公开内容 / 文种与属性不符", "《政府信息公开条例》第十四条、第十五条、第十六条；第三十七条（区分处理）", Kind.ATTRIBUTE),
    ATTRIBUTE_MISMATCH("呈批单属性与附注标注不一致", "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）一、（一）（公开属性随公文一并报批）；GB/T 9704-2012 7.3.6（附注）", Kind.ATTRIBUTE),
    SECRECY_MARKING("国家秘密标志", "《政府信息公开条例》第十四条；《保守国家秘密法》", Kind.EXEMPT),
    INTERNAL_MARKING("工作秘密/内部资料/内部使用", "《政府信息公开条例》第十六条", Kind.EXEMPT),
    SECRET_CONTENT("未标密但疑似涉密内容", "《政府信息公开条例》第十四条", Kind.EXEMPT),
    ID_NUMBER("居民身份证号码", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    PHONE_NUMBER("个人电话号码", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    BANK_CARD("银行卡号", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    EMAIL("个人电子邮箱", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    PERSON_NAME("个人姓名", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    ADDRESS("个人住址", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    PASSPORT("护照号码", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    LICENSE_PLATE("机动车号牌", "《政府信息公开条例》第十五条（个人隐私）", Kind.EXEMPT),
    TRADE_SECRET("商业秘密", "《政府信息公开条例》第十五条（商业秘密）", Kind.EXEMPT),
    STABILITY("危及国家安全、公共安全、经济安全、社会稳定", "《政府信息公开条例》第十四条", Kind.EXEMPT),
    INTERNAL_AFFAIRS("内部事务信息", "《政府信息公开条例》第十六条第一款", Kind.EXEMPT),
    PROCESS_INFO("过程性信息", "《政府信息公开条例》第十六条第二款", Kind.EXEMPT),
    ENFORCEMENT_CASE("行政执法案卷信息", "《政府信息公开条例》第十六条第二款", Kind.EXEMPT),
    HIDDEN_CONTENT("修订痕迹、批注、隐藏文字、文档属性", "发布前须清理（《政府信息公开条例》第十五条、第十六条；保密审查制度）", Kind.EXEMPT),
    FORMAT("公文格式问题", "GB/T 9704-2012《党政机关公文格式》", Kind.ADVISORY),
    INTERPRETATION_MISSING("政策性文件缺少解读材料", "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）（政策性文件与解读材料同步组织、同步审签、同步部署）", Kind.ATTRIBUTE),
    EXTRACTION_FAILED("无法完整提取文本", "先审查、后公开：未经审查的内容不得发布", Kind.EXTRACTION),
    NO_TEXT("无文本层", "先审查、后公开：未经审查的内容不得发布", Kind.EXTRACTION);

    /** What a category is about; routing and reports group by it. */
    public enum Kind {
        /** The disclosure attribute and its justification. */
        ATTRIBUTE,
        /** Content that is exempt from disclosure (条例第十四、十五、十六条) or must be cleaned first. */
        EXEMPT,
        /** Format advice that never blocks publication. */
        ADVISORY,
        /** The text could not be checked. */
        EXTRACTION
    }

    private final String chinese;
    private final String basis;
    private final Kind kind;

    Category(String chinese, String basis, Kind kind) {
        this.chinese = chinese;
        this.basis = basis;
        this.kind = kind;
    }

    public String chinese() {
        return chinese;
    }

    /** The default legal basis cited by findings of this category. */
    public String basis() {
        return basis;
    }

    public Kind kind() {
        return kind;
    }

    /** True for exempt-content categories (routing rule 4 of the contract). */
    public boolean exempt() {
        return kind == Kind.EXEMPT;
    }
}
