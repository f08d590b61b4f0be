package vn.lienthong.gateway.application;

import vn.lienthong.gateway.domain.NoSuchRecordException;

/** The demo clock was asked for outside demo mode, where it does not exist (404). */
public class DemoClockOffException extends NoSuchRecordException {

    private static final long serialVersionUID = 1L;

    public DemoClockOffException() {
        super("Đồng hồ demo chỉ có ở chế độ demo (LIENTHONG_DEMO)", "The demo clock exists only in demo mode (LIENTHONG_DEMO)");
    }
}
