package org.gongkai.gongwen;

/** The rules these detectors enforce, cited as the seeds word them (shared/seeds). */
final class Basis {
    private Basis() {
    }

    static final String SOURCE_RULE = "凤冈县公文公开属性源头认定工作制度 第五条（无标识公开属性的公文，一律退回承办或代拟单位重新审查标注）、第六条；重庆市江北区政府信息公开属性源头认定制度（江北府办发〔2022〕37号附件1）第四条";
    static final String REASON_RULE = "凤冈县公文公开属性源头认定工作制度 第四条(一)、(三)（依申请公开、不予公开的须说明理由）；凤冈县“五公开”融入办文办会工作制度 第一条(一)（拟不公开的公文，应当依法依规说明理由）";
    static final String MISMATCH_RULE = "凤冈县公文公开属性源头认定工作制度 第四条(一)（在发文呈批单上写明公开属性）、第六条（在附注位置标注）";
    static final String TYPE_RULE = "凤冈县公文公开属性源头认定工作制度 第三条(一)（报上级机关的请示和报告，向有关部门征求意见和答复有关部门意见的公文，应确定为“不予公开”）";
    static final String CARRY_RULE = "凤冈县“五公开”融入办文办会工作制度 第一条(二)；凤冈县公文公开属性源头认定工作制度 第三条(三)（确定为“主动公开”的公文，不可夹带“依申请公开”和“不予公开”的内容）";
    static final String PROCESS = "《政府信息公开条例》第十六条第二款（讨论记录、过程稿、磋商信函、请示报告等过程性信息可以不予公开）";
    static final String INTERPRETATION = "xx县政府政策解读制度 四（解读程序）；阿尔山市政府信息解读回应机制（附件4）五（上报材料不齐全的做退文处理）";
    static final String FORMAT_NUMBER = "GB/T 9704-2012 7.2.4（发文字号年份用六角括号〔〕，序号不编虚位、不加“第”字）";
    static final String FORMAT_DATE = "GB/T 9704-2012 7.3.5.3（成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位）";
    static final String FORMAT_NOTE = "GB/T 9704-2012 7.3.6（附注居左空二字加圆括号编排在成文日期下一行）";
    static final String FORMAT_COPY = "GB/T 9704-2012 7.2.1（涉密公文应当标注份号）";
}
