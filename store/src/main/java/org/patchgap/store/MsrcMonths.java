package org.patchgap.store;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month ids of Microsoft's Security Update Guide: one CVRF document per month, named {@code yyyy-MMM} with
 * the English three-letter month ({@code 2017-Mar}), as the MSRC API's {@code /cvrf/{id}} and {@code /updates}
 * use them.
 */
public final class MsrcMonths {

    /** Most months one argument may name; the guide's CVRF documents begin in 2016, so 40 years is plenty. */
    static final int MAX_RANGE = 480;

    /**
     * Spelled out rather than taken from locale data: the ids are fixed API names, and CLDR's English short
     * months have changed across JDKs ({@code Sept} in some English locales).
     */
    private static final List<String> NAMES =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-([A-Za-z]{3}|\\d{1,2})");

    private MsrcMonths() {}

    /** The guide's id of {@code month}: {@code 2017-Mar}. */
    public static String id(YearMonth month) {
        return month.getYear() + "-" + NAMES.get(month.getMonthValue() - 1);
    }

    /**
     * The months one argument names: a month ({@code 2017-Mar}, any letter case, or {@code 2017-03}) or an
     * inclusive range of them ({@code 2017-Mar..2017-May}), in order.
     *
     * @throws IllegalArgumentException naming the argument and the expected forms
     */
    public static List<YearMonth> parse(String argument) {
        String s = argument.strip();
        int dots = s.indexOf("..");
        if (dots < 0) {
            return List.of(month(s, argument));
        }
        YearMonth first = month(s.substring(0, dots).strip(), argument);
        YearMonth last = month(s.substring(dots + 2).strip(), argument);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("month range '" + argument + "' ends before it starts");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            if (months.size() == MAX_RANGE) {
                throw new IllegalArgumentException("month range '" + argument + "' is longer than " + MAX_RANGE
                        + " months");
            }
            months.add(m);
        }
        return List.copyOf(months);
    }

    private static YearMonth month(String s, String argument) {
        Matcher m = MONTH.matcher(s);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            String month = m.group(2);
            if (Character.isDigit(month.charAt(0))) {
                int number = Integer.parseInt(month);
                if (number >= 1 && number <= 12) return YearMonth.of(year, number);
            } else {
                for (int i = 0; i < NAMES.size(); i++) {
                    if (NAMES.get(i).equalsIgnoreCase(month)) return YearMonth.of(year, i + 1);
                }
            }
        }
        throw new IllegalArgumentException("'" + argument + "' is not a month of the Security Update Guide: "
                + "expected yyyy-MMM like 2017-Mar (English month), yyyy-MM like 2017-03, or a range like "
                + "2017-Mar..2017-May");
    }
}
