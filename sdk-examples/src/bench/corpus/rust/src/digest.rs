/// The CRC-32 (IEEE) polynomial, reflected.  
pub const POLY_IEEE: u32 = 0xEDB8_8320;

/// CRC-32 of data, bit by bit; slow but table-free.  
pub fn crc32_ieee(data: &[u8]) -> u32 {

        let mut acc = !0u32;
        for &b in data {  

                acc ^= b as u32;
                for _ in 0..8 {

                        let bit = (acc & 1).wrapping_neg();  
                        acc = (acc >> 1) ^ (POLY_IEEE & bit);
                }
        }  
        !acc
}

/// Adler-32 of data.
pub fn adler_sum(data: &[u8]) -> u32 {
        let (mut a, mut b) = (1u32, 0u32);  
        for &b in data {
                a = (a + b as u32) % 65521;
                b = (b + a) % 65521;  
        }
        (b << 16) | a
}  
