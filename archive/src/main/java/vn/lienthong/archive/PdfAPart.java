package vn.lienthong.archive;

/** The PDF/A flavour produced: 2b by default, 3b when the originals travel inside as associated files. */
public enum PdfAPart {
    A2B(2), A3B(3);

    private final int part;

    PdfAPart(int part) {
        this.part = part;
    }

    public int part() {
        return part;
    }
}
