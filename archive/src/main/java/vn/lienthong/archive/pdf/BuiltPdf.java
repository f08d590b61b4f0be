package vn.lienthong.archive.pdf;

import java.util.List;

/** What {@link PdfABuilder} produced: the page count and the sources that went in. */
public record BuiltPdf(int pages, List<SourceFile> sources) {
    public BuiltPdf {
        sources = List.copyOf(sources);
    }
}
