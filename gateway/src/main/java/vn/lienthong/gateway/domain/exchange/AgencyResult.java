package vn.lienthong.gateway.domain.exchange;

/**
 * What an agency answered: either a ticket (asynchronous, result later) or the result itself,
 * as JSON, with a one-line summary for the processing record.
 */
public record AgencyResult(String ticket, String resultJson, String summary) {

    public static AgencyResult accepted(String ticket) {
        return new AgencyResult(ticket, null, "Đã tiếp nhận, mã phiếu " + ticket);
    }

    public static AgencyResult done(String resultJson, String summary) {
        return new AgencyResult(null, resultJson, summary);
    }

    public boolean isAccepted() {
        return resultJson == null;
    }
}
