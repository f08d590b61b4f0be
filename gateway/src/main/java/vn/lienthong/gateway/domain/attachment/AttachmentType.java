package vn.lienthong.gateway.domain.attachment;

import java.util.Arrays;
import java.util.Optional;

/** The scan formats the desk accepts, recognised by their magic bytes. */
public enum AttachmentType {

    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** How many leading bytes {@link #sniff} needs to tell every type apart. */
    public static final int MAGIC_LENGTH = 5;

    private final String mediaType;
    private final byte[] magic;

    AttachmentType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The type whose signature the content starts with; a name or a declared type can lie, the bytes cannot. */
    public static Optional<AttachmentType> sniff(byte[] head) {
        return Arrays.stream(values())
                .filter(t -> head.length >= t.magic.length
                        && Arrays.equals(head, 0, t.magic.length, t.magic, 0, t.magic.length))
                .findFirst();
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
    }
}
