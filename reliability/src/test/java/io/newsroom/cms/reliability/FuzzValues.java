package io.newsroom.cms.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * What the fuzzer throws at the system: strings with every kind of character (control, lone surrogates, non-BMP,
 * right-to-left marks), injection strings for SQL, MongoDB, HTML and paths, huge and deeply nested values, bad ids,
 * slugs, cursors, times and ETags, and JSON that is malformed or of the wrong type.
 */
final class FuzzValues {
    private FuzzValues() {
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; drop table article; --", "\" or \"\"=\"", "1; select pg_sleep(5)", "$where", "{\"$gt\": \"\"}",
            "{\"$ne\": null}", "[$regex]=.*", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "${jndi:ldap://x/a}", "{{7*7}}", "#{7*7}", "%s%s%s%n",
            "\\u0000", "null", "undefined", "NaN", "-0", "true", "[]", "{}", "\u202Egnp.exe", "\uFEFF", "\u0000", "a\u0000b",
            "😀🧪𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\uD800", "\uDC00x", "\uFFFF", "\u007F", "\r\n\r\nX-Injected: 1", "Ṁ̷̡̛ẙ̶̧", "ᵃ".repeat(50));

    static final List<String> TIMES = List.of("+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "2026-13-45T99:99:99Z",
            "0", "9999999999999", "2026-02-30T00:00:00Z", "1899-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "yesterday",
            "2026-01-01", "2026-01-01T00:00:00", "2026-01-01T00:00:00+25:00", "P1D", "");

    static final List<String> IDS = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "123", "-1", "0x10", "6f1e2d3c-aaaa-bbbb-cccc-ddddeeeeffff-extra", "6F1E2D3C-AAAA-BBBB-CCCC-DDDDEEEEFFFF", "{id}", "%7Bid%7D");

    static final List<String> SLUGS = List.of("UPPER", "a--b", "-a", "a-", "a_b", "ä", "a".repeat(200), "a/b", "a%2Fb", ".", "..",
            "a.b", "published", "by-id", "search", "me", "public", "byline-claims", "q");

    static final List<String> ETAGS = List.of("", " ", "*", "W/", "\"\"", "\"-1\"", "\"99999999999999999999\"", "W/\"abc\"", "garbage",
            "\"1000001\", \"1000002\"", "\"", "\"\\u0000\"", "\"1e9\"", "\"0x10\"", "\"999999999\"");

    static final List<String> CURSORS = List.of("not-a-cursor", "AAAA", "====", "MjAyNi0wMS0wMVQwMDowMDowMFp8eA", "eA", "%", "*");

    static final List<String> MALFORMED_JSON = List.of("{", "}", "[", "]", "{\"a\":}", "{\"a\" 1}", "nul", "tru", "{\"a\":1,}",
            "{\"headline\":\"x\"}}", "{\"headline\":\"x\"} trailing", "{\"headline\":\"x\",\"headline\":\"y\"}", "'single'", "<xml/>",
            "\uFEFF{\"headline\":\"x\"}", "{\"a\":1e99999}", "{\"a\":" + "9".repeat(5000) + "}", "", " ", "\u0000", "[]", "\"just a string\"",
            "123", "true", "null", "{\"a\":\"\\uD800\"}", "{\"a\":\"\\x41\"}", "{\"a\":NaN}", "{/* comment */}", "{\"a\":01}");

    /** Any string the world may send. */
    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(6, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(4)
                        .map(cs -> "x" + cs + "y")),
                net.jqwik.api.Tuple.of(9, Arbitraries.of(INJECTIONS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(TIMES)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(IDS)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(SLUGS)),
                // huge: past the field limits, and (bodies) past the 256 KB request limit
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1_000, 10_000, 70_000, 300_000).map("a"::repeat)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().withCharRange('\u0590', '\u08FF').ofMaxLength(20)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().alpha().ofMaxLength(20)));
    }

    /** A JSON value as text: a string of {@link #strings()}, or something that is not the type the field wants. */
    static Arbitrary<String> jsonValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, strings().map(FuzzValues::quote)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("1.5", "-0.0", "1e400", "-1e400", "9223372036854775808", "2147483648", "-2147483649")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("true", "false", "null")),
                net.jqwik.api.Tuple.of(1, strings().list().ofMaxSize(3).map(l -> "[" + String.join(",", l.stream().map(FuzzValues::quote).toList()) + "]")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("{\"$gt\":\"\"}", "{\"$where\":\"1==1\"}", "{}", "{\"url\":\"javascript:alert(1)\",\"alt\":\"x\"}",
                        "[\"" + "x".repeat(70) + "\"]", "[null]", "[[]]")),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(50, 3_000).map(n -> "[".repeat(n) + "]".repeat(n))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(TIMES).map(FuzzValues::quote)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(IDS).map(FuzzValues::quote)));
    }

    /** A whole body that is not the JSON the endpoint wants. */
    static Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Arbitraries.of(MALFORMED_JSON), strings(), jsonValues(),
                Arbitraries.integers().between(100, 5_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    /** One mutation of a valid request. */
    static Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Combinators.combine(pick, bodies()).as((p, v) -> new Mutation(Mutation.Kind.BODY, p, v))),
                net.jqwik.api.Tuple.of(25, Combinators.combine(pick, jsonValues()).as((p, v) -> new Mutation(Mutation.Kind.FIELD, p, v))),
                net.jqwik.api.Tuple.of(15, Combinators.combine(pick, Arbitraries.oneOf(strings(), Arbitraries.of(CURSORS)))
                        .as((p, v) -> new Mutation(Mutation.Kind.QUERY, p, v))),
                net.jqwik.api.Tuple.of(15, Combinators.combine(pick, strings()).as((p, v) -> new Mutation(Mutation.Kind.PATH, p, v))),
                net.jqwik.api.Tuple.of(10, Combinators.combine(pick, Arbitraries.oneOf(Arbitraries.of(ETAGS), strings()))
                        .as((p, v) -> new Mutation(Mutation.Kind.HEADER, p, v))),
                net.jqwik.api.Tuple.of(5, Combinators.combine(pick, strings()).as((p, v) -> new Mutation(Mutation.Kind.TOKEN, p, v))),
                net.jqwik.api.Tuple.of(10, Combinators.combine(pick, strings()).as((p, v) -> new Mutation(Mutation.Kind.RAW, p, v))));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** What to change in a valid request: {@code pick} chooses the field, parameter or header; {@code value} is the fuzz. */
    record Mutation(Kind kind, int pick, String value) {
        enum Kind { BODY, FIELD, QUERY, PATH, HEADER, TOKEN, RAW }

        @Override
        public String toString() {
            String v = value.length() > 120 ? value.substring(0, 120) + "…(" + value.length() + ")" : value;
            return kind + "#" + pick + " " + quote(v);
        }
    }
}
