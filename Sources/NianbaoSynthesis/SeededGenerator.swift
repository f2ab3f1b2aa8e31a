import NianbaoKit
/// A SplitMix64 random number generator: the same seed gives the same
/// numbers on every platform and every run.
///
/// Synthetic reports exist to be reproduced: a failing property test or a
/// benchmark corpus must be rebuilt bit for bit from its seed, which the
/// system generator cannot do. SplitMix64 is tiny, fast, passes BigCrush and
/// has no bad seeds (0 included), which is all a test-data generator needs.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
