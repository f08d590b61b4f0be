package vn.lienthong.gateway.layersample.application;

import vn.lienthong.gateway.layersample.domain.SampleNotice;

/** Placed right: a use case that depends on the domain only. */
public class SampleUseCase {

    public String draft(String text) {
        return new SampleNotice(text).text();
    }
}
