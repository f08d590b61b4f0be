package vn.lienthong.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the gateway's captured logs and reports every line that shows a citizen ID or a mobile
 * number in clear. Written apart from the gateway's masking on purpose: it checks what reached
 * the files, not the code that should have prevented it.
 *
 * <p>A citizen ID here is a run of exactly 12 digits, with no digit on either side, that starts
 * with a province code 001-096 (every CCCD number does). That leaves out what else a log is made
 * of: timestamps are written with separators or as 13-digit epoch milliseconds, ports, counts,
 * thread and sequence numbers are shorter, and a number Java formats never starts with 0, so a
 * 12-digit run with a leading zero is a string someone copied into the log, as an ID would be. A
 * mobile number is 0 or +84, then 3, 5, 7, 8 or 9, then eight digits.
 */
final class PersonalDataLogScan {

    // A run of digits inside a word or a hex hash (the archive ledger's SHA-256 values) is not a number.
    private static final Pattern CITIZEN_ID = Pattern.compile("(?<![0-9A-Za-z])(0[0-9]{2})[0-9]{9}(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z+])(?:0|\\+84)[35789][0-9]{8}(?![0-9A-Za-z])");
    /** The gateway's masked form of a citizen ID: first four and last two digits. */
    /** A UUID (message ids, archive record ids): its last group is 12 hex digits, sometimes all decimal. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern MASKED_ID = Pattern.compile("(?<![0-9*])[0-9]{4}\\*{6}[0-9]{2}(?![0-9*])");
    private static final int HIGHEST_PROVINCE = 96;

    /** One line that shows personal data; the value is quoted masked, so the report does not leak it again. */
    record Finding(Path file, int line, String kind, String value) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + kind + " " + value;
        }
    }

    /** What a scan read and found. */
    record Result(List<Path> files, long lines, long maskedIds, List<Finding> findings) {
    }

    private PersonalDataLogScan() {
    }

    /** Every log file under {@code root}: Payara Micro's files (name.log, name.log.0 ...) and the runnable jar's output. */
    static List<Path> logFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.log(\\.[0-9]+)?"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result scan(Path root) {
        List<Path> files = logFiles(root);
        long lines = 0;
        long masked = 0;
        List<Finding> findings = new ArrayList<>();
        for (Path file : files) {
            // A log may hold bytes that are not UTF-8 (a client's garbage echoed): read past them.
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    lines++;
                    line = UUID.matcher(line).replaceAll("<uuid>");
                    Matcher id = CITIZEN_ID.matcher(line);
                    while (id.find()) {
                        if (Integer.parseInt(id.group(1)) <= HIGHEST_PROVINCE) {
                            findings.add(new Finding(file, number, "citizen ID", hide(id.group())));
                        }
                    }
                    Matcher phone = MOBILE.matcher(line);
                    while (phone.find()) {
                        findings.add(new Finding(file, number, "mobile number", hide(phone.group())));
                    }
                    Matcher m = MASKED_ID.matcher(line);
                    while (m.find()) {
                        masked++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(files, lines, masked, findings);
    }

    /** Scans and throws, naming file:line, if a number shows in clear, or if there was no log to scan. */
    static Result requireMasked(Path root) {
        Result result = scan(root);
        if (result.files().isEmpty()) {
            throw new AssertionError("No gateway log file under " + root.toAbsolutePath()
                    + ": a scan of nothing proves nothing (are the ITs' logs still written there?)");
        }
        if (!result.findings().isEmpty()) {
            throw new AssertionError(result.findings().size() + " log line(s) show personal data in clear "
                    + "(Decree 13/2023: logs must mask it; see docs/personal-data.md):\n"
                    + result.findings().stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }
        return result;
    }

    private static String hide(String value) {
        int digitsStart = value.startsWith("+") ? 1 : 0;
        return value.substring(0, digitsStart + 4) + "*".repeat(value.length() - digitsStart - 6)
                + value.substring(value.length() - 2);
    }
}
