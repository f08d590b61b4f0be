package vn.lienthong.gateway.infrastructure.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.lienthong.archive.pdf.TextBlock;

/** The content of a paper between its heading and its signatures, in order; a field without a value is left out. */
final class PaperFields {

    private final List<TextBlock> blocks = new ArrayList<>();

    /** A labelled line, if the value is known and not blank. */
    void field(String label, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> blocks.add(new TextBlock.Field(label, v)));
    }

    /** Any other block: a paragraph, a table, a gap. */
    void add(TextBlock block) {
        blocks.add(block);
    }

    List<TextBlock> blocks() {
        return List.copyOf(blocks);
    }
}
