package vn.lienthong.gateway.layersample.infrastructure;

import vn.lienthong.gateway.layersample.sandbox.SampleSwitch;

/** Misplaced on purpose: infrastructure asking the sandbox, as NoticeSettings once did. */
public class SampleSettings {

    private final SampleSwitch sandbox = new SampleSwitch();

    public String sender() {
        return sandbox.enabled() ? "sandbox" : "LIENTHONG";
    }
}
