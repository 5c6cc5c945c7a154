package org.gongkai.gongwen;

/**
 * The national rules these detectors enforce. The deploying office's own rules (a county's 公开属性源头认定制度 …)
 * are cited by the host from {@code config/basis}, so that no office cites another's.
 */
final class Basis {
    private Basis() {
    }

    static final String SOURCE_RULE = "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）一、（一）（行政机关拟制公文时要明确主动公开、依申请公开、不予公开等属性，随公文一并报批）；GB/T 9704-2012 7.3.6（附注）";
    static final String REASON_RULE = "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）一、（一）（拟不公开的，要依法依规说明理由）";
    static final String MISMATCH_RULE = "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）一、（一）（公开属性随公文一并报批）；GB/T 9704-2012 7.3.6（附注位置标注公开属性）";
    static final String TYPE_RULE = "《政府信息公开条例》第十六条第二款（请示报告等过程性信息可以不予公开）";
    static final String CARRY_RULE = "《政府信息公开条例》第十四条、第十五条、第十六条；第三十七条（区分处理）";
    static final String PROCESS = "《政府信息公开条例》第十六条第二款（讨论记录、过程稿、磋商信函、请示报告等过程性信息可以不予公开）";
    static final String INTERPRETATION = "《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）（政策性文件与解读材料同步组织、同步审签、同步部署）";
    static final String FORMAT_NUMBER = "GB/T 9704-2012 7.2.4（发文字号年份用六角括号〔〕，序号不编虚位、不加“第”字）";
    static final String FORMAT_DATE = "GB/T 9704-2012 7.3.5.3（成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位）";
    static final String FORMAT_NOTE = "GB/T 9704-2012 7.3.6（附注居左空二字加圆括号编排在成文日期下一行）";
    static final String FORMAT_COPY = "GB/T 9704-2012 7.2.1（涉密公文应当标注份号）";
}
