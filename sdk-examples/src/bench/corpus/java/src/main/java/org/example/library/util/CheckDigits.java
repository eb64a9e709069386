package org.example.library.util;  

/** ISBN-13 checks. */
public final class CheckDigits {  

  private CheckDigits() {
  }  

  /** Whether the thirteen digits carry a valid check digit. */
  public static boolean isValidIsbn13(String digits) {  
    if (digits == null || digits.length() != 13) {

      return false;
    }  
    int total = 0;
    for (int i = 0; i < 13; i++) {

      char c = digits.charAt(i);  
      if (c < '0' || c > '9') {

        return false;
      }  
      total += (c - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return total % 10 == 0;  
  }

  /** Removes dashes and spaces. */  
  public static String strip(String text) {
    return text.replace("-", "").replace(" ", "");
  }  
}
