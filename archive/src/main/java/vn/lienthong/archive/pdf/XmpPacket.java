package vn.lienthong.archive.pdf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.lienthong.archive.DocumentMetadata;
import vn.lienthong.archive.PdfAPart;

/**
 * The XMP packet of an archived PDF: Dublin Core, PDF/A identification, and the archive's own
 * properties, which PDF/A requires to be described by an extension schema in the same packet.
 */
final class XmpPacket {
    static final String NAMESPACE = "https://lienthong.vn/ns/archive/1.0/";
    static final String TOOL = "Liên Thông archive";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private XmpPacket() {
    }

    static String build(DocumentMetadata m, PdfAPart part, int pages, List<SourceFile> sources, Instant now) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");

        x.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        x.append("<dc:format>application/pdf</dc:format>\n");
        x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(m.title()))
                .append("</rdf:li></rdf:Alt></dc:title>\n");
        if (!m.operator().isEmpty()) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(m.operator())).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        x.append("<dc:identifier>").append(esc(m.dossierCode())).append("</dc:identifier>\n");
        x.append("</rdf:Description>\n");

        x.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        x.append("<xmp:CreateDate>").append(DATE.format(m.digitizedAt())).append("</xmp:CreateDate>\n");
        x.append("<xmp:MetadataDate>").append(DATE.format(now)).append("</xmp:MetadataDate>\n");
        x.append("<xmp:CreatorTool>").append(esc(TOOL)).append("</xmp:CreatorTool>\n");
        x.append("</rdf:Description>\n");

        x.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        x.append("<pdf:Producer>").append(esc(TOOL)).append("</pdf:Producer>\n");
        x.append("</rdf:Description>\n");

        x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        x.append("<pdfaid:part>").append(part.part()).append("</pdfaid:part>\n");
        x.append("<pdfaid:conformance>B</pdfaid:conformance>\n");
        x.append("</rdf:Description>\n");

        x.append("<rdf:Description rdf:about=\"\" xmlns:lt=\"").append(NAMESPACE).append("\">\n");
        x.append("<lt:dossierCode>").append(esc(m.dossierCode())).append("</lt:dossierCode>\n");
        x.append("<lt:documentType>").append(esc(m.documentType())).append("</lt:documentType>\n");
        x.append("<lt:procedureCode>").append(esc(m.procedureCode())).append("</lt:procedureCode>\n");
        x.append("<lt:agencyCode>").append(esc(m.agencyCode())).append("</lt:agencyCode>\n");
        x.append("<lt:operator>").append(esc(m.operator())).append("</lt:operator>\n");
        x.append("<lt:digitizedAt>").append(DATE.format(m.digitizedAt())).append("</lt:digitizedAt>\n");
        x.append("<lt:pageCount>").append(pages).append("</lt:pageCount>\n");
        x.append("<lt:sourceHashes><rdf:Seq>\n");
        for (SourceFile s : sources) {
            x.append("<rdf:li>sha256:").append(s.sha256().hex()).append(' ')
                    .append(esc(s.path().getFileName().toString())).append("</rdf:li>\n");
        }
        x.append("</rdf:Seq></lt:sourceHashes>\n");
        x.append("</rdf:Description>\n");

        extensionSchema(x);
        x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString();
    }

    /**
     * The packet of a document rendered from text ({@link TextPdfABuilder}): Dublin Core and the
     * PDF/A-2b identification only, so it needs no extension schema.
     */
    static String forText(String title, String identifier, String creator, Instant created) {
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        x.append("<dc:format>application/pdf</dc:format>\n");
        x.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(title))
                .append("</rdf:li></rdf:Alt></dc:title>\n");
        if (!creator.isEmpty()) {
            x.append("<dc:creator><rdf:Seq><rdf:li>").append(esc(creator)).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        x.append("<dc:identifier>").append(esc(identifier)).append("</dc:identifier>\n");
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        x.append("<xmp:CreateDate>").append(DATE.format(created)).append("</xmp:CreateDate>\n");
        x.append("<xmp:ModifyDate>").append(DATE.format(created)).append("</xmp:ModifyDate>\n");
        x.append("<xmp:MetadataDate>").append(DATE.format(created)).append("</xmp:MetadataDate>\n");
        x.append("<xmp:CreatorTool>").append(esc(TOOL)).append("</xmp:CreatorTool>\n");
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        x.append("<pdf:Producer>").append(esc(TOOL)).append("</pdf:Producer>\n");
        x.append("</rdf:Description>\n");
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        x.append("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n");
        x.append("</rdf:Description>\n");
        x.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
        return x.toString();
    }

    private static void extensionSchema(StringBuilder x) {
        x.append("<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
                .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"")
                .append(" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n");
        x.append("<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n");
        x.append("<pdfaSchema:schema>Lien Thong archive metadata</pdfaSchema:schema>\n");
        x.append("<pdfaSchema:namespaceURI>").append(NAMESPACE).append("</pdfaSchema:namespaceURI>\n");
        x.append("<pdfaSchema:prefix>lt</pdfaSchema:prefix>\n");
        x.append("<pdfaSchema:property><rdf:Seq>\n");
        property(x, "dossierCode", "Text", "Dossier code (ma ho so)");
        property(x, "documentType", "Text", "Document type");
        property(x, "procedureCode", "Text", "Administrative procedure code");
        property(x, "agencyCode", "Text", "Electronic identifier of the agency");
        property(x, "operator", "Text", "Officer who digitized the document");
        property(x, "digitizedAt", "Date", "Time of digitization");
        property(x, "pageCount", "Integer", "Number of pages");
        property(x, "sourceHashes", "Seq Text", "SHA-256 and name of each source file");
        x.append("</rdf:Seq></pdfaSchema:property>\n");
        x.append("</rdf:li></rdf:Bag></pdfaExtension:schemas>\n");
        x.append("</rdf:Description>\n");
    }

    private static void property(StringBuilder x, String name, String type, String description) {
        x.append("<rdf:li rdf:parseType=\"Resource\">")
                .append("<pdfaProperty:name>").append(name).append("</pdfaProperty:name>")
                .append("<pdfaProperty:valueType>").append(type).append("</pdfaProperty:valueType>")
                .append("<pdfaProperty:category>external</pdfaProperty:category>")
                .append("<pdfaProperty:description>").append(description).append("</pdfaProperty:description>")
                .append("</rdf:li>\n");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters; drop them rather than emit an invalid packet.
                    if (c >= 0x20 || c == '\t' || c == '\n') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
