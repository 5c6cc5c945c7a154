package org.gongkai.personal;

/**
 * Where a number a detector reads may start and end: never inside a longer digit run, nor in the decimal part or
 * before the decimal point of a figure ("单价4197.16981132075" holds no mobile number, "13812345678.00" is an
 * amount).
 */
final class Digits {
    /** Not right after a digit, nor after a digit and a decimal point. */
    static final String NOT_AFTER = "(?<![0-9])(?<![0-9][.．])";
    /** Not right before a digit, nor before a decimal point and a digit. */
    static final String NOT_BEFORE = "(?![0-9])(?![.．][0-9])";

    private Digits() {
    }
}
