package vn.lienthong.gateway.layersample.sandbox;

/** The sample's sandbox switch. */
public class SampleSwitch {

    public boolean enabled() {
        return true;
    }
}
