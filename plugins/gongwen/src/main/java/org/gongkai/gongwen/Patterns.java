package org.gongkai.gongwen;

import java.util.List;
import java.util.regex.Pattern;

/** The GB/T 9704-2012 element patterns, applied to white-space-free lines. */
final class Patterns {
    private Patterns() {
    }

    /** 发文字号, any bracket (format checked separately): 江北府办发〔2022〕37号. */
    static final Pattern DOC_NUMBER = Pattern.compile("([\\p{IsHan}A-Za-z]{1,16})([〔\\[\\(（【［])(\\d{2,4})([〕\\]\\)）】］])(第?)(\\d{1,5})号");
    /** 成文日期 in Arabic numerals, alone on its line. */
    static final Pattern DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    /** 成文日期 in Chinese numerals (not allowed by GB/T 9704-2012 7.3.5.3, but seen). */
    static final Pattern DATE_CN = Pattern.compile("([〇零○ОO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日");
    /** The disclosure annotation as a whole line: （此件主动公开） and its variants, optional reason. */
    static final Pattern ANNOTATION = Pattern.compile("^[（(](?:此件|本件)(公开发布|主动公开|依申请公开|不予公开|免予公开|不公开|部分公开|公开)(.{0,200})[)）]$");
    /** The annotation closing a run-on line right after the 成文日期: …2017年5月2日（此件主动公开）. */
    static final Pattern RUN_ON_ANNOTATION = Pattern.compile("(?:\\d{4}年\\d{1,2}月\\d{1,2}日|[〇零○ОO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)[（(](此件|本件)(公开发布|主动公开|依申请公开|不予公开|免予公开|不公开|部分公开|公开)([^（()）]{0,200})[)）]$");
    /** 密级和保密期限: 机密★1年, 秘密★6个月, 绝密★长期 (malformed stars tolerated). */
    static final Pattern SECRECY = Pattern.compile("^(?:\\d{6})?(绝密|机密|秘密)([★☆\\*＊]?)(长期|\\d+年|\\d+个月|[^，。]{0,20}前|解密条件[:：].{0,30})?(特急|加急|平急)?$");
    static final Pattern COPY_NUMBER = Pattern.compile("^(?:份号[:：])?(\\d{6})$");
    static final Pattern URGENCY = Pattern.compile("^(特急|加急|平急|特提|急件)$");
    static final Pattern ATTACHMENT_HEADING = Pattern.compile("^附件\\d{0,2}[:：]?$");
    static final Pattern ATTACHMENT_NOTE = Pattern.compile("^附件[:：].+");
    static final Pattern CC = Pattern.compile("^抄送[:：](.+)");
    static final Pattern PRINTED = Pattern.compile("^(.+?)(\\d{4}年\\d{1,2}月\\d{1,2}日)印发$");
    static final Pattern SIGNER = Pattern.compile("签发人[:：]([\\p{IsHan}·]{2,12})");

    /** 文种, longest first, matched at the end of the title (党政机关公文处理工作条例 第八条, plus common documents). */
    static final List<String> DOC_TYPES = List.of("决定书", "通知书", "告知书", "会议纪要", "纪要", "请示", "报告", "批复", "通知", "通报", "通告",
            "公告", "公报", "意见", "决议", "决定", "命令", "议案", "函", "公示", "简报", "方案", "办法", "规定", "细则", "规划", "要点", "制度", "规则", "令");

    /** Draft labels in the title area: the document is a process draft (条例第十六条第二款). */
    static final Pattern DRAFT_LABEL = Pattern.compile("[（(【\\[]?(征求意见稿|讨论稿|送审稿|草案|初稿|修改稿|代拟稿)[）)】\\]]?");
}
