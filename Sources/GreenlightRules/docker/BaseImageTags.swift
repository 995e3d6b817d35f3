/// The base images of a Dockerfile's stages that name an image (not `scratch`, not an earlier
/// stage, not an unresolved variable), with their parsed references — what the untagged and
/// latest rules look at.
struct BaseImage {
    let stage: DockerStage
    let word: DockerWord
    /// The reference after substituting meta `ARG`s.
    let value: String
    let reference: ImageReference
    /// The reference, or its tag, comes from a build argument (`FROM $BASE`,
    /// `FROM golang:${GO_VERSION}`): its default is what a bare `docker build` takes, but the
    /// build that ships passes its own value (hadolint does not judge these either).
    var fromBuildArgument: Bool { word.text.contains("$") }

    static func all(in file: Dockerfile) -> [BaseImage] {
        file.stages.compactMap { stage in
            guard let word = stage.image, let expansion = file.resolvedImage(of: stage),
                  expansion.undeclared.isEmpty, !expansion.unresolved else { return nil }
            let value = expansion.value
            guard !value.isEmpty, value.lowercased() != "scratch", !value.hasPrefix("$"),
                  file.stage(named: value, before: stage.index) == nil,
                  case .success(let reference) = ImageReference.parse(value) else { return nil }
            return BaseImage(stage: stage, word: word, value: value, reference: reference)
        }
    }
}
