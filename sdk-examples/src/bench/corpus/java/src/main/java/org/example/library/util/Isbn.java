package org.example.library.util;

/** ISBN-13 checks. */
public final class Isbn {

    private Isbn() {
    }

    /** Whether the thirteen digits carry a valid check digit. */
    public static boolean isValid(String isbn) {
        if (isbn == null || isbn.length() != 13) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = isbn.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    /** Removes dashes and spaces. */
    public static String normalise(String raw) {
        return raw.replace("-", "").replace(" ", "");
    }
}
