package vn.lienthong.signing.verify;

import java.util.List;
import java.util.Optional;

/** Hand-written JSON and text forms of a report; small enough not to need a JSON library. */
final class ReportJson {
    private ReportJson() {
    }

    static String write(VerificationReport r) {
        StringBuilder b = new StringBuilder(512);
        b.append("{\"document\":").append(str(r.document()))
                .append(",\"kind\":").append(str(r.kind().name()))
                .append(",\"indication\":").append(str(r.indication().name()))
                .append(",\"provider\":").append(str(r.provider()))
                .append(",\"signatures\":[");
        for (int i = 0; i < r.signatures().size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            signature(b, r.signatures().get(i));
        }
        return b.append("]}").toString();
    }

    private static void signature(StringBuilder b, SignatureReport s) {
        b.append("{\"index\":").append(s.index())
                .append(",\"name\":").append(str(s.name()))
                .append(",\"indication\":").append(str(s.indication().name()))
                .append(",\"subIndications\":[");
        List<Reason> subs = s.subIndications();
        for (int i = 0; i < subs.size(); i++) {
            b.append(i > 0 ? "," : "").append(str(subs.get(i).name()));
        }
        b.append("],\"signer\":").append(opt(s.signer()))
                .append(",\"algorithm\":").append(str(s.algorithm()))
                .append(",\"level\":").append(str(s.level()))
                .append(",\"claimedSigningTime\":").append(opt(s.claimedSigningTime().map(Object::toString)))
                .append(",\"timestampTime\":").append(opt(s.timestampTime().map(Object::toString)))
                .append(",\"findings\":[");
        for (int i = 0; i < s.findings().size(); i++) {
            Finding f = s.findings().get(i);
            b.append(i > 0 ? "," : "").append("{\"code\":").append(str(f.reason().name()))
                    .append(",\"indication\":").append(f.reason().indication() == null ? "null"
                            : str(f.reason().indication().name()))
                    .append(",\"vi\":").append(str(f.reason().vi()))
                    .append(",\"en\":").append(str(f.reason().en()))
                    .append(",\"detail\":").append(str(f.detail())).append('}');
        }
        b.append(']');
        if (s.coverage().isPresent()) {
            PdfCoverage c = s.coverage().get();
            b.append(",\"coverage\":{\"byteRange\":").append(c.byteRange())
                    .append(",\"revisionEnd\":").append(c.revisionEnd())
                    .append(",\"fileLength\":").append(c.fileLength())
                    .append(",\"coversRevision\":").append(c.coversRevision())
                    .append(",\"coversWholeFile\":").append(c.coversWholeFile())
                    .append(",\"changesAfter\":[");
            for (int i = 0; i < c.changesAfter().size(); i++) {
                Change ch = c.changesAfter().get(i);
                b.append(i > 0 ? "," : "").append("{\"kind\":").append(str(ch.kind().name()))
                        .append(",\"description\":").append(str(ch.description())).append('}');
            }
            b.append("]}");
        }
        b.append('}');
    }

    static String text(VerificationReport r) {
        StringBuilder b = new StringBuilder();
        b.append(r.document()).append(" (").append(r.kind()).append("): ").append(r.indication())
                .append(" — ").append(r.signatures().size()).append(" chữ ký / signature(s)\n");
        for (SignatureReport s : r.signatures()) {
            b.append("  #").append(s.index()).append(' ').append(s.name()).append(": ").append(s.indication())
                    .append(s.subIndications().isEmpty() ? "" : " " + s.subIndications()).append('\n')
                    .append("     Người ký / Signer: ").append(s.signer().orElse("?")).append('\n')
                    .append("     Thuật toán / Algorithm: ").append(s.algorithm()).append(", ").append(s.level())
                    .append('\n');
            s.claimedSigningTime().ifPresent(t -> b.append("     Thời điểm ký (tự khai) / Claimed time: ")
                    .append(t).append('\n'));
            s.timestampTime().ifPresent(t -> b.append("     Dấu thời gian / Time-stamp: ").append(t).append('\n'));
            s.coverage().ifPresent(c -> {
                b.append("     Phạm vi ký / Coverage: ").append(c.coversWholeFile()
                        ? "toàn bộ tài liệu / total document" : "một phần / part of the file (revision ends at "
                        + c.revisionEnd() + " of " + c.fileLength() + ")").append('\n');
                for (Change ch : c.changesAfter()) {
                    b.append("       sau khi ký / after signing: ").append(ch.kind()).append(' ')
                            .append(ch.description()).append('\n');
                }
            });
            for (Finding f : s.findings()) {
                b.append("     - ").append(f.reason().indication() == null ? "cảnh báo / warning: " : "")
                        .append(f.message()).append('\n');
            }
        }
        List<VerificationReport.TimestampLink> chain = r.timestampChain();
        if (chain.stream().anyMatch(VerificationReport.TimestampLink::documentTimestamp)) {
            b.append("  Chuỗi dấu thời gian / Time-stamp chain:\n");
            for (VerificationReport.TimestampLink link : chain) {
                b.append("     ").append(link.time()).append("  #").append(link.index()).append(' ')
                        .append(link.documentTimestamp() ? "dấu thời gian tài liệu / document time-stamp"
                                : "dấu thời gian chữ ký / signature time-stamp").append('\n');
            }
        }
        return b.toString();
    }

    private static String opt(Optional<String> value) {
        return value.map(ReportJson::str).orElse("null");
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
