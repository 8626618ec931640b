package io.newsroom.cms.reliability.support;

import io.newsroom.cms.devstack.Env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the stack's own logs say about a 500: every part logs "Unexpected error {errorId}" with the stack trace, and the
 * problem it answers quotes the id. A failing test quotes that log entry, so a 500 seen only in CI explains itself.
 */
public final class StackLogs {
    private static final Pattern ERROR_ID = Pattern.compile("\"errorId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final int LINES = 40;

    private StackLogs() {
    }

    /** The log entry (and the lines after it) of the error id quoted in {@code body}, or "" when there is none. */
    public static String entryFor(String body) {
        Matcher id = ERROR_ID.matcher(body == null ? "" : body);
        if (!id.find()) {
            return "";
        }
        Path dir = Env.repoRoot().resolve("reliability/target/stack-logs");
        for (int attempt = 0; attempt < 10; attempt++) { // a log handler may write it a moment after the answer
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).contains(id.group(1))) {
                            return "\n    " + file.getFileName() + " says:\n      "
                                    + String.join("\n      ", lines.subList(i, Math.min(lines.size(), i + LINES)));
                        }
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                return "\n    (stack logs not readable: " + e + ")";
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "\n    (error id " + id.group(1) + " not found in " + dir + ")";
    }
}
