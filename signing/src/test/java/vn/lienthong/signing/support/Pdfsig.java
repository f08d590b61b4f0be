package vn.lienthong.signing.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses poppler's pdfsig output, since poppler 22 exits 0 even on "Digest Mismatch". */
public final class Pdfsig {
    /** What pdfsig said about one signature. */
    public record Entry(String block) {
        public boolean valid() {
            return block.contains("Signature Validation: Signature is Valid.");
        }

        public boolean totalDocument() {
            return block.contains("Total document signed");
        }

        public boolean digestMismatch() {
            return block.contains("Digest Mismatch");
        }
    }

    private Pdfsig() {
    }

    /** Runs pdfsig without certificate checks (it has no trust store for our test CA). */
    public static List<Entry> check(Path pdf, Path dir) {
        Tool.Result result = Tool.run(List.of("pdfsig", "-nocert", pdf.toString()));
        List<Entry> entries = new ArrayList<>();
        String[] blocks = result.output().split("(?m)^Signature #\\d+:");
        for (int i = 1; i < blocks.length; i++) {
            entries.add(new Entry(blocks[i]));
        }
        return entries;
    }

    public static String raw(Path pdf) {
        return Tool.run(List.of("pdfsig", "-nocert", pdf.toString())).output();
    }
}
