package vn.lienthong.gateway.routes;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.apache.camel.Exchange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import vn.lienthong.gateway.domain.exchange.AgencyMessage;
import vn.lienthong.gateway.domain.exchange.AgencyResult;

/**
 * Social insurance (BHXH/VSS): SOAP 1.1 over HTTP. The message id travels in the SOAP header;
 * the reply carries the 10-digit social insurance number and the card validity (BHYT) or the
 * decision number (benefits). soap:Server faults are transient, soap:Client faults permanent.
 */
@ApplicationScoped
@Named("social-insurance")
public class SocialInsuranceMessages implements AgencyMapper {

    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String VSS_NS = "urn:vn:vss:lienthong:1";
    private static final java.util.regex.Pattern DOCTYPE = java.util.regex.Pattern.compile("(?i)<!DOCTYPE");
    private static final java.util.regex.Pattern INSURANCE_NUMBER = java.util.regex.Pattern.compile("\\d{10}");
    /**
     * One secured parser per delivery thread: configuring a factory and a builder costs about half
     * of parsing a reply. A builder is not thread-safe but parses any number of documents in turn;
     * one whose parse failed is dropped, so every reply starts from a freshly secured builder's state.
     */
    private static final ThreadLocal<DocumentBuilder> PARSERS = ThreadLocal.withInitial(SocialInsuranceMessages::secureBuilder);

    @Override
    public String request(Exchange exchange) {
        AgencyMessage m = exchange.getProperty(DeliveryOutcomes.MESSAGE, AgencyMessage.class);
        AgencyHttp.prepare(exchange, m, "text/xml; charset=utf-8");
        exchange.getMessage().setHeader("SOAPAction", "\"" + VSS_NS + ":" + m.operation() + "\"");
        JsonObject payload = Json.createReader(new StringReader(m.payload())).readObject();
        JsonObject applicant = payload.getJsonObject("applicant");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="%s" xmlns:vss="%s">
                  <soap:Header><vss:MessageId>%s</vss:MessageId><vss:SenderCode>%s</vss:SenderCode></soap:Header>
                  <soap:Body>
                    <vss:YeuCau>
                      <vss:NghiepVu>%s</vss:NghiepVu>
                      <vss:MaHoSo>%s</vss:MaHoSo>
                      <vss:HoTen>%s</vss:HoTen>
                      <vss:SoDinhDanh>%s</vss:SoDinhDanh>
                      <vss:DuLieu>%s</vss:DuLieu>%s
                    </vss:YeuCau>
                  </soap:Body>
                </soap:Envelope>
                """.formatted(SOAP_NS, VSS_NS, xml(m.messageId()), xml(payload.getString("receivingAgency")),
                xml(m.operation()), xml(m.dossierCode().value()), xml(applicant.getString("fullName")),
                xml(applicant.getString("citizenId")),
                xml(payload.containsKey("formData") ? payload.getJsonObject("formData").toString() : "{}"),
                subject(payload));
    }

    /**
     * The person the request is about when it is not the applicant (the newborn of 3.000722, the
     * deceased of 2.002913), with the personal ID civil status registered in the flow's first step.
     */
    private static String subject(JsonObject payload) {
        if (!(payload.get("subject") instanceof JsonObject subject)) {
            return "";
        }
        return "\n                      <vss:DoiTuong><vss:HoTen>" + xml(subject.getString("fullName", ""))
                + "</vss:HoTen><vss:SoDinhDanh>" + xml(subject.getString("personalId", "")) + "</vss:SoDinhDanh></vss:DoiTuong>";
    }

    @Override
    public AgencyResult reply(Exchange exchange) {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        if (status == 502 || status == 503 || status == 504 || status == 408 || status == 429) {
            throw new TransientAgencyException("Social insurance answered HTTP " + status, null);
        }
        if (status != 200 && status != 500) {
            AgencyFailures.requireSuccess(exchange, "Social insurance");
        }
        Document doc = parse(body);
        Element fault = first(doc.getDocumentElement(), SOAP_NS, "Fault");
        if (fault != null) {
            String code = text(fault, null, "faultcode");
            String reason = "SOAP fault " + code + ": " + text(fault, null, "faultstring");
            if (code != null && code.endsWith("Server")) {
                throw new TransientAgencyException(reason, null);
            }
            throw new PermanentAgencyException(reason, null);
        }
        if (status != 200) {
            throw new TransientAgencyException("Social insurance answered HTTP " + status + " without a SOAP fault", null);
        }
        Element result = first(doc.getDocumentElement(), VSS_NS, "KetQua");
        String number = result == null ? null : text(result, VSS_NS, "MaSoBhxh");
        if (number == null || !INSURANCE_NUMBER.matcher(number).matches()) {
            throw new PermanentAgencyException("Malformed SOAP reply: no KetQua with a 10-digit MaSoBhxh: "
                    + AgencyFailures.excerpt(body), null);
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("socialInsuranceNumber", number);
        String from = text(result, VSS_NS, "HanTheTu");
        String to = text(result, VSS_NS, "HanTheDen");
        String decision = text(result, VSS_NS, "SoQuyetDinh");
        StringBuilder summary = new StringBuilder("BHXH: mã số " + number);
        if (from != null && to != null) {
            json.add("cardValidFrom", from).add("cardValidTo", to);
            summary.append(", thẻ BHYT có giá trị từ ").append(from).append(" đến ").append(to);
        }
        if (decision != null) {
            json.add("decisionNumber", decision);
            summary.append(", quyết định số ").append(decision);
        }
        return AgencyResult.done(json.build().toString(), summary.toString());
    }

    /**
     * Parses a SOAP reply with no DTD, no entity and no external access of any kind (XXE): a
     * reply that declares a DOCTYPE is refused before the parser sees it, and the parser itself
     * refuses one too should the check be bypassed.
     */
    static Document parse(String body) {
        String text = body == null ? "" : body;
        if (DOCTYPE.matcher(text).find()) {
            throw new PermanentAgencyException("SOAP reply refused: it declares a DOCTYPE; DTDs and entities are "
                    + "never processed (XXE protection): " + AgencyFailures.excerpt(text), null);
        }
        Document doc;
        try {
            doc = PARSERS.get().parse(new InputSource(new StringReader(text)));
        } catch (SAXException | IOException e) {
            PARSERS.remove();
            throw new PermanentAgencyException("Malformed SOAP reply (not well-formed XML: " + e.getMessage() + "): "
                    + AgencyFailures.excerpt(text), e);
        }
        Element root = doc.getDocumentElement();
        if (!SOAP_NS.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            throw new PermanentAgencyException("Malformed SOAP reply: the root is not a SOAP 1.1 Envelope: "
                    + AgencyFailures.excerpt(text), null);
        }
        return doc;
    }

    /** A namespace-aware DOM parser with DTDs, external entities, XInclude and external access off. */
    static DocumentBuilder secureBuilder() {
        try {
            // The JDK's own parser, whose feature names are known; not whatever an application jar brings.
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            // Silent: the default handler prints every fatal error to stderr before it is thrown.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new PermanentAgencyException("XML parser misconfigured: " + e.getMessage(), e);
        }
    }

    private static Element first(Element parent, String ns, String local) {
        NodeList nodes = ns == null ? parent.getElementsByTagName(local) : parent.getElementsByTagNameNS(ns, local);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Element parent, String ns, String local) {
        Element e = first(parent, ns, local);
        return e == null ? null : e.getTextContent().trim();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
