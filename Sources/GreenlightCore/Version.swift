/// The tool's name and version, as reports show them.
public enum GreenlightVersion {
    public static let name = "greenlight"
    public static let current = "0.1.0"
}
