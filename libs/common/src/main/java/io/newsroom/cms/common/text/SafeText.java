package io.newsroom.cms.common.text;

/**
 * Which characters text may carry into the CMS. PostgreSQL cannot store U+0000 and rejects broken UTF-16; control
 * characters and noncharacters are never intended in headlines, names or queries and break feeds and HTML. Tab, line
 * feed and carriage return are text. Every string from a request (JSON body, query, path) is checked with this.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Index of the first character that is not allowed, or -1 when {@code text} is clean. */
    public static int firstForbidden(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** A plain-words reason for the character at {@code index}, e.g. "contains a control character (U+0000)". */
    public static String reason(CharSequence text, int index) {
        char c = text.charAt(index);
        String code = String.format("U+%04X", (int) c);
        if (Character.isSurrogate(c)) {
            return "contains a broken Unicode character (" + code + ")";
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return "contains a character that is not text (" + code + ")";
        }
        return "contains a control character (" + code + ")";
    }
}
