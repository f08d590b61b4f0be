package vn.lienthong.archive.pdf;

import vn.lienthong.archive.BadInputException;

/**
 * The few facts about a JPEG that embedding it unchanged needs, read from its markers without decoding.
 *
 * @param dpi horizontal density in dots per inch, or 0 when the file does not say
 */
record JpegHeader(int width, int height, int components, int dpiX, int dpiY) {

    static JpegHeader parse(byte[] b, String name) {
        int pos = 2;
        int dpiX = 0;
        int dpiY = 0;
        int width = -1;
        int height = -1;
        int components = -1;
        while (true) {
            if (pos + 4 > b.length) {
                throw truncated(name);
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw new BadInputException("JPEG " + name + " is corrupt: marker expected at byte " + pos);
            }
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            if (marker == 0xD9) {
                throw new BadInputException("JPEG " + name + " ends before its image data");
            }
            int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            int body = pos + 4;
            if (length < 2 || pos + 2 + length > b.length) {
                throw truncated(name);
            }
            if (marker == 0xE0 && length >= 16 && b[body] == 'J' && b[body + 1] == 'F' && b[body + 2] == 'I'
                    && b[body + 3] == 'F' && b[body + 4] == 0) {
                int units = b[body + 7] & 0xFF;
                int x = ((b[body + 8] & 0xFF) << 8) | (b[body + 9] & 0xFF);
                int y = ((b[body + 10] & 0xFF) << 8) | (b[body + 11] & 0xFF);
                if (units == 1) {
                    dpiX = x;
                    dpiY = y;
                } else if (units == 2) {
                    dpiX = Math.round(x * 2.54f);
                    dpiY = Math.round(y * 2.54f);
                }
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (length < 8) {
                    throw truncated(name);
                }
                int precision = b[body] & 0xFF;
                height = ((b[body + 1] & 0xFF) << 8) | (b[body + 2] & 0xFF);
                width = ((b[body + 3] & 0xFF) << 8) | (b[body + 4] & 0xFF);
                components = b[body + 5] & 0xFF;
                if (precision != 8) {
                    throw new BadInputException("JPEG " + name + " has " + precision
                            + "-bit samples; only 8-bit JPEGs can be embedded unchanged");
                }
                if (marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF) {
                    throw new BadInputException("JPEG " + name + " is lossless JPEG, which PDF cannot carry");
                }
            } else if (marker == 0xDA) {
                if (width < 0) {
                    throw new BadInputException("JPEG " + name + " is corrupt: image data before its frame header");
                }
                if (!hasEndMarker(b, body)) {
                    throw truncated(name);
                }
                break;
            }
            pos += 2 + length;
        }
        if (width == 0 || height == 0) {
            throw new BadInputException("JPEG " + name + " declares a zero width or height");
        }
        if (components != 1 && components != 3) {
            throw new BadInputException("JPEG " + name + " has " + components
                    + " colour components; only greyscale and RGB scans are accepted (convert CMYK to RGB)");
        }
        return new JpegHeader(width, height, components, dpiX, dpiY);
    }

    /** FF D9 cannot occur inside entropy-coded data (FF is always stuffed), so its absence means truncation. */
    private static boolean hasEndMarker(byte[] b, int from) {
        for (int i = b.length - 2; i >= from; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static BadInputException truncated(String name) {
        return new BadInputException("JPEG " + name + " is truncated or corrupt / Tệp ảnh bị cắt cụt hoặc hỏng");
    }
}
