// Generated from checks/secrets*.yml by SecretPackSourceTests. Do not edit: change the pack and
// run `GREENLIGHT_UPDATE_GOLDEN=1 swift test --filter SecretPackSource`; the test fails while
// this file is stale.

extension SecretPack {
    /// The built-in packs, in file-name order.
    static let generated: [SecretPack] = [
        secretsGeneric,
        secretsTokens,
    ]
}
