package org.gongkai.personal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/** 居民身份证号码 (GB 11643-1999): area code, birth date and ISO 7064 MOD 11-2 check character. */
public final class IdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** Province-level area prefixes (GB/T 2260). */
    static final Map<String, String> PROVINCES = Map.ofEntries(
            Map.entry("11", "北京市"), Map.entry("12", "天津市"), Map.entry("13", "河北省"), Map.entry("14", "山西省"), Map.entry("15", "内蒙古自治区"),
            Map.entry("21", "辽宁省"), Map.entry("22", "吉林省"), Map.entry("23", "黑龙江省"), Map.entry("31", "上海市"), Map.entry("32", "江苏省"),
            Map.entry("33", "浙江省"), Map.entry("34", "安徽省"), Map.entry("35", "福建省"), Map.entry("36", "江西省"), Map.entry("37", "山东省"),
            Map.entry("41", "河南省"), Map.entry("42", "湖北省"), Map.entry("43", "湖南省"), Map.entry("44", "广东省"), Map.entry("45", "广西壮族自治区"),
            Map.entry("46", "海南省"), Map.entry("50", "重庆市"), Map.entry("51", "四川省"), Map.entry("52", "贵州省"), Map.entry("53", "云南省"),
            Map.entry("54", "西藏自治区"), Map.entry("61", "陕西省"), Map.entry("62", "甘肃省"), Map.entry("63", "青海省"), Map.entry("64", "宁夏回族自治区"),
            Map.entry("65", "新疆维吾尔自治区"), Map.entry("71", "台湾省"), Map.entry("81", "香港特别行政区"), Map.entry("82", "澳门特别行政区"),
            Map.entry("83", "台湾省"));

    private IdNumber() {
    }

    /**
     * A valid 18-character number: province, real past birth date not before 1900, check character. Also the
     * 2023 外国人永久居留身份证 (a leading 9, then the province of the issuing office, same date and check).
     */
    public static boolean isValid18(String id) {
        if (id == null || id.length() != 18 || !isAsciiDigits(id, 17)) {
            return false;
        }
        return province(id) != null && birth(id.substring(6, 14)) != null && checkChar(id) == Character.toUpperCase(id.charAt(17));
    }

    /** A valid 15-digit legacy number (before 1999): province (or 91, abroad) and a real 19yy birth date. */
    public static boolean isValid15(String id) {
        return id != null && id.length() == 15 && isAsciiDigits(id, 15)
                && (PROVINCES.containsKey(id.substring(0, 2)) || id.startsWith("91")) && birth("19" + id.substring(6, 12)) != null;
    }

    /** The province of an 18-character number, or null when its area code is no province. */
    static String province(String id) {
        if (id.charAt(0) == '9') {
            String code = id.substring(1, 3);
            String p = code.equals("91") ? "境外" : PROVINCES.get(code);
            return p == null ? null : p + "（外国人永久居留身份证）";
        }
        return PROVINCES.get(id.substring(0, 2));
    }

    private static boolean isAsciiDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static char checkChar(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The birth date of yyyyMMdd, or null when it is not a real date between 1900 and today. */
    static LocalDate birth(String yyyymmdd) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)), Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
            return d.getYear() >= 1900 && !d.isAfter(LocalDate.now()) ? d : null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
