package vn.lienthong.gateway.layersample.domain;

import vn.lienthong.gateway.layersample.infrastructure.SampleSettings;

/** Misplaced on purpose: a domain class that reads an infrastructure bean. */
public record SampleNotice(String text) {

    public static SampleNotice of(SampleSettings settings) {
        return new SampleNotice(settings.sender());
    }
}
