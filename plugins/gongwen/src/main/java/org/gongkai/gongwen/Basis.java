package org.gongkai.gongwen;

/** The rules these detectors enforce, cited as the seeds word them (shared/seeds). */
final class Basis {
    private Basis() {
    }

    static final String SOURCE_RULE = "凤冈县公文公开属性源头认定工作制度 第五条、第六条；政务公开工作规范 附件1 第四条（未标识公开属性的公文，应退回公文起草单位重新办理）";
    static final String REASON_RULE = "凤冈县公文公开属性源头认定工作制度 第三条（依申请公开、不予公开的应说明理由并注明依据）；《政府信息公开条例》第十四、十五、十六条";
    static final String MISMATCH_RULE = "凤冈县公文公开属性源头认定工作制度 第六条（公开属性在发文稿纸（呈批单）中注明，并在附注处标注）";
    static final String TYPE_RULE = "凤冈县公文公开属性源头认定工作制度 第三条(一)（请示、报告、征求和答复意见的公文一般确定为不予公开）";
    static final String CARRY_RULE = "凤冈县办文办会制度 第一条(二)（确定为主动公开的公文，不可夹带依申请公开和不予公开的内容）";
    static final String PROCESS = "《政府信息公开条例》第十六条第二款（讨论记录、过程稿、磋商信函、请示报告等过程性信息可以不予公开）";
    static final String INTERPRETATION = "政策解读制度 四（政策性文件与解读材料同步起草、同步审签、同步发布；上报材料不齐全的做退文处理）";
    static final String FORMAT_NUMBER = "GB/T 9704-2012 7.2.4（发文字号年份用六角括号〔〕，序号不编虚位、不加“第”字）";
    static final String FORMAT_DATE = "GB/T 9704-2012 7.3.5.3（成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位）";
    static final String FORMAT_NOTE = "GB/T 9704-2012 7.3.6（附注居左空二字加圆括号编排在成文日期下一行）";
    static final String FORMAT_COPY = "GB/T 9704-2012 7.2.1（涉密公文应当标注份号）";
}
