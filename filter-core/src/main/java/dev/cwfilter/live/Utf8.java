package dev.cwfilter.live;

/** Whether bytes are well-formed UTF-8. Stateless. */
final class Utf8 {

    private Utf8() {
    }

    /** Whether {@code a[from, to)} is well-formed UTF-8: no overlong forms, surrogates or values past U+10FFFF. */
    static boolean isValid(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            int b = a[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int n;
            int min;
            int cp;
            if (b >= 0xC2 && b <= 0xDF) {
                n = 1;
                min = 0x80;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                n = 2;
                min = 0x800;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                n = 3;
                min = 0x10000;
                cp = b & 0x07;
            } else {
                return false;
            }
            if (i + n >= to) {
                return false;
            }
            for (int k = 1; k <= n; k++) {
                int c = a[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += n + 1;
        }
        return true;
    }
}
