/// A value typed by hand as a count (`1a2b3c4d5e6f7a8b…`, `9a8b7c6d…`, `abcdef123456…`): a
/// stand-in for a token in a sample payload or a fixture, never a generated secret.
enum CountingSequence {
    /// Of the characters one or two places apart, the share that are neighbours in counting
    /// order (`1`→`2`, `b`→`a`): at least 40 % over 16 characters or more. A random hex or
    /// base64 string has about 12 %; it reaches 40 % over 32 characters about once in a
    /// million.
    static func holds(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count >= 16 else { return false }
        func neighbours(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
            let (x, y) = (a.properties.lowercaseMapping.unicodeScalars.first ?? a, b.properties.lowercaseMapping.unicodeScalars.first ?? b)
            let sameClass = (x.properties.numericType != nil) == (y.properties.numericType != nil)
            return sameClass && (x.value == y.value + 1 || y.value == x.value + 1)
        }
        for step in 1...2 {
            let positions = scalars.count - step
            let counted = (0..<positions).filter { neighbours(scalars[$0], scalars[$0 + step]) }.count
            if counted * 10 >= positions * 4 { return true }
        }
        return false
    }
}
