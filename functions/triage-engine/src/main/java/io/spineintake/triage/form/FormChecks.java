package io.spineintake.triage.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks {@link IntakeFormValidator} calls that are more than one expression: whole numbers,
 * limits, and the "date" and "email" formats. Each gives the answer the networknt JSON Schema
 * validator gave when it checked the form (IntakeFormValidatorEquivalenceTest compares them), so
 * that leaving networknt out of the function changed nothing a patient can see.
 */
final class FormChecks {
    private FormChecks() {
    }

    /** JSON Schema's "integer": any number with no fractional part, 1.0 included. */
    static boolean isWholeNumber(JsonNode n) {
        return n.isIntegralNumber() || (n.isNumber() && n.canConvertToExactIntegral());
    }

    /** {@code n} is text equal to one of {@code values}. */
    static boolean isOneOf(JsonNode n, String[] values) {
        return n.isTextual() && isOneOf(n.textValue(), values);
    }

    /** {@code s} is one of {@code values}: a few short names, where a linear search is quickest. */
    static boolean isOneOf(String s, String[] values) {
        for (String v : values) {
            if (v.equals(s)) {
                return true;
            }
        }
        return false;
    }

    /** Length as JSON Schema counts it: in code points, so an emoji is one character, not two. */
    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code n} (a number) is less than {@code limit}. */
    static boolean isBelow(JsonNode n, long limit) {
        return compare(n, limit) < 0;
    }

    /** {@code n} (a number) is more than {@code limit}. */
    static boolean isAbove(JsonNode n, long limit) {
        return compare(n, limit) > 0;
    }

    private static int compare(JsonNode n, long limit) {
        if (n.isIntegralNumber()) {
            return n.canConvertToLong()
                    ? Long.compare(n.longValue(), limit)
                    : n.bigIntegerValue().compareTo(BigInteger.valueOf(limit));
        }
        if (n.isDouble() || n.isFloat()) {
            // exact: the limits are small whole numbers, which a double holds exactly; covers infinity
            double d = n.doubleValue();
            return d < limit ? -1 : (d > limit ? 1 : 0);
        }
        return n.decimalValue().compareTo(BigDecimal.valueOf(limit));
    }

    /**
     * The "date" format: what {@code LocalDate.parse} (ISO_LOCAL_DATE, strict) accepts, with a year
     * from 0 to 9999 — the only such text is YYYY-MM-DD in ASCII digits naming a real calendar day.
     */
    static boolean isDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= daysIn(year, month);
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /**
     * The "email" format as networknt checks it (Apache Commons Validator's EmailValidator, local
     * names and bare top-level domains allowed, "[IPv6:...]" literals understood). The patterns
     * are the library's own, compiled only when a form first gives an email address.
     */
    static boolean isEmail(String s) {
        return Email.isValid(s);
    }

    private static final class Email {
        private static final String SPECIAL_CHARS = "\\p{Cntrl}\\(\\)<>@,;:'\\\\\\\"\\.\\[\\]";
        private static final String VALID_CHARS = "(\\\\.)|[^\\s" + SPECIAL_CHARS + "]";
        private static final String QUOTED_USER = "(\"(\\\\\"|[^\"])*\")";
        private static final String WORD = "((" + VALID_CHARS + "|')+|" + QUOTED_USER + ")";
        private static final Pattern ADDRESS = Pattern.compile("^(.+)@(\\S+)$");
        private static final Pattern IP_DOMAIN = Pattern.compile("^\\[(.*)\\]$");
        private static final Pattern USER = Pattern.compile("^" + WORD + "(\\." + WORD + ")*$");
        private static final Pattern DOMAIN_NAME = Pattern.compile(
                "^(?:\\p{Alnum}(?>[\\p{Alnum}-]{0,61}\\p{Alnum})?\\.)+(\\p{Alpha}(?>[\\p{Alnum}-]{0,61}\\p{Alnum})?)\\.?$");
        private static final Pattern HOST_NAME = Pattern.compile("\\p{Alnum}(?>[\\p{Alnum}-]{0,61}\\p{Alnum})?");
        private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
        private static final Pattern PREFIX_DIGITS = Pattern.compile("\\d{1,3}");
        private static final Pattern ZONE_ID = Pattern.compile("[^\\s/%]+");
        /** Whether this JDK's IDN.toASCII keeps a trailing dot (the library restores it when not). */
        private static final boolean IDN_KEEPS_TRAILING_DOT = "a.".equals(IDN.toASCII("a."));

        static boolean isValid(String value) {
            if (value.endsWith(".")) {
                return false;
            }
            Matcher m = ADDRESS.matcher(value);
            if (!m.matches()) {
                return false;
            }
            String user = m.group(1);
            if (user.length() > 64 || !USER.matcher(user).matches()) {
                return false;
            }
            String domain = m.group(2);
            if (domain.startsWith("[IPv6:")) {
                domain = domain.replace("IPv6:", "");
            }
            Matcher ip = IP_DOMAIN.matcher(domain);
            if (ip.matches()) {
                String address = ip.group(1);
                return isInet4Address(address) || isInet6Address(address);
            }
            return isDomain(domain) || (!domain.startsWith(".") && isTopLevelDomain(domain));
        }

        private static boolean isDomain(String domain) {
            String ascii = toAscii(domain);
            if (ascii.length() > 253) {
                return false;
            }
            Matcher m = DOMAIN_NAME.matcher(ascii);
            if (m.matches()) {
                return isTopLevelDomain(m.group(1));
            }
            return HOST_NAME.matcher(ascii).matches();
        }

        private static boolean isTopLevelDomain(String name) {
            String key = toAscii(name).toLowerCase(Locale.ENGLISH);
            if (key.startsWith(".")) {
                key = key.substring(1);
            }
            return Arrays.binarySearch(IntakeFormValidator.TopLevelDomains.NAMES, key) >= 0;
        }

        private static String toAscii(String input) {
            boolean ascii = true;
            for (int i = 0; i < input.length() && ascii; i++) {
                ascii = input.charAt(i) <= 0x7F;
            }
            if (ascii) {
                return input;
            }
            try {
                String converted = IDN.toASCII(input);
                if (IDN_KEEPS_TRAILING_DOT || input.isEmpty()) {
                    return converted;
                }
                switch (input.charAt(input.length() - 1)) {
                    case '\u002E':
                    case '\u3002':
                    case '\uFF0E':
                    case '\uFF61':
                        return converted + ".";
                    default:
                        return converted;
                }
            } catch (IllegalArgumentException e) {
                return input;
            }
        }

        private static boolean isInet4Address(String address) {
            Matcher m = IPV4.matcher(address);
            if (!m.matches()) {
                return false;
            }
            for (int g = 1; g <= m.groupCount(); g++) {
                String segment = m.group(g);
                if (segment == null || segment.isEmpty()) {
                    return false;
                }
                int value;
                try {
                    value = Integer.parseInt(segment);
                } catch (NumberFormatException e) {
                    return false;
                }
                if (value > 255 || (segment.length() > 1 && segment.startsWith("0"))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isInet6Address(String address) {
            String[] parts = address.split("/", -1);
            if (parts.length > 2) {
                return false;
            }
            if (parts.length == 2) {
                if (!PREFIX_DIGITS.matcher(parts[1]).matches()) {
                    return false;
                }
                int bits = Integer.parseInt(parts[1]);
                if (bits < 0 || bits > 128) {
                    return false;
                }
            }
            parts = parts[0].split("%", -1);
            if (parts.length > 2) {
                return false;
            }
            if (parts.length == 2 && !ZONE_ID.matcher(parts[1]).matches()) {
                return false;
            }
            String inet6 = parts[0];
            boolean compressed = inet6.contains("::");
            if (compressed && inet6.indexOf("::") != inet6.lastIndexOf("::")) {
                return false;
            }
            boolean startsCompressed = inet6.startsWith("::");
            boolean endsCompressed = inet6.endsWith("::");
            if ((inet6.startsWith(":") && !startsCompressed) || (inet6.endsWith(":") && !endsCompressed)) {
                return false;
            }
            String[] octets = inet6.split(":");
            if (compressed) {
                List<String> list = new ArrayList<>(Arrays.asList(octets));
                if (endsCompressed) {
                    list.add("");
                } else if (startsCompressed && !list.isEmpty()) {
                    list.remove(0);
                }
                octets = list.toArray(new String[0]);
            }
            if (octets.length > 8) {
                return false;
            }
            int validOctets = 0;
            int emptyOctets = 0;
            for (int i = 0; i < octets.length; i++) {
                String octet = octets[i];
                if (octet.isEmpty()) {
                    emptyOctets++;
                    if (emptyOctets > 1) {
                        return false;
                    }
                } else {
                    emptyOctets = 0;
                    if (i == octets.length - 1 && octet.contains(".")) {
                        if (!isInet4Address(octet)) {
                            return false;
                        }
                        validOctets += 2;
                        continue;
                    }
                    if (octet.length() > 4) {
                        return false;
                    }
                    int value;
                    try {
                        value = Integer.parseInt(octet, 16);
                    } catch (NumberFormatException e) {
                        return false;
                    }
                    if (value < 0 || value > 0xFFFF) {
                        return false;
                    }
                }
                validOctets++;
            }
            return validOctets <= 8 && (validOctets >= 8 || compressed);
        }
    }
}
