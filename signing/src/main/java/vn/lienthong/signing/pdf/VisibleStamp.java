package vn.lienthong.signing.pdf;

import java.util.Objects;
import java.util.Optional;

/**
 * A visible signature stamp: a box on one page showing signer, organisation and time, and
 * optionally a seal image. Coordinates are PDF points with the origin at the page's lower left.
 *
 * @param page 1-based page number
 * @param x left edge
 * @param y bottom edge
 * @param width box width
 * @param height box height
 * @param signerName shown after "Ký bởi"; empty to take the certificate's CN
 * @param organisation shown after "Cơ quan"; empty to take the certificate's O
 * @param sealImage optional PNG/JPEG bytes drawn on the left of the box
 */
public record VisibleStamp(int page, float x, float y, float width, float height, Optional<String> signerName,
        Optional<String> organisation, Optional<byte[]> sealImage) {

    public VisibleStamp {
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based, got " + page);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("stamp width and height must be positive");
        }
        signerName = Objects.requireNonNullElse(signerName, Optional.empty());
        organisation = Objects.requireNonNullElse(organisation, Optional.empty());
        sealImage = Objects.requireNonNullElse(sealImage, Optional.empty());
    }

    /** A stamp whose texts come from the signer certificate. */
    public static VisibleStamp at(int page, float x, float y, float width, float height) {
        return new VisibleStamp(page, x, y, width, height, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public VisibleStamp withSeal(byte[] image) {
        return new VisibleStamp(page, x, y, width, height, signerName, organisation, Optional.of(image.clone()));
    }

    public VisibleStamp withTexts(String name, String org) {
        return new VisibleStamp(page, x, y, width, height, Optional.ofNullable(name), Optional.ofNullable(org),
                sealImage);
    }
}
