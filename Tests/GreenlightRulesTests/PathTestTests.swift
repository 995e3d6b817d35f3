import GreenlightCore
@testable import GreenlightRules
import Testing

/// The per-path tests asked of every entry of a snapshot, rewritten to search bytes: they must
/// say what the character-based versions said.
struct PathTestTests {
    @Test func aFileNameIsItsLastSegment() {
        #expect(RepositoryPath.name(of: "a/b/c.ts") == "c.ts")
        #expect(RepositoryPath.name(of: "c.ts") == "c.ts")
        #expect(RepositoryPath.name(of: "") == "")
        #expect(RepositoryPath.name(of: "dir/é/ñ.md") == "ñ.md")
        #expect(RepositoryPath.name(of: Substring("x/y/z")) == "z")
    }

    @Test func composeFilesByName() {
        for path in ["docker-compose.yml", "deploy/compose.yaml", "x/docker-compose.prod.YML", "COMPOSE.yml"] {
            #expect(ComposeFiles.isComposeFile(path), "\(path)")
        }
        for path in ["compose.json", "my-compose.yml", "docker-compose", "composer.lock", "a/docker-compose.yml/b.txt"] {
            #expect(!ComposeFiles.isComposeFile(path), "\(path)")
        }
    }

    @Test func envFilesAndTemplatesByName() {
        #expect(EnvFiles.isEnvFile(".env") && EnvFiles.isEnvFile("app/.env.production"))
        #expect(!EnvFiles.isEnvFile(".env.example") && !EnvFiles.isEnvFile("environment.ts") && !EnvFiles.isEnvFile("src/app.ts"))
        #expect(EnvFiles.isTemplate(".env.example") && EnvFiles.isTemplate("svc/.ENV.Sample") && EnvFiles.isTemplate("backend.example.env"))
        #expect(!EnvFiles.isTemplate(".env") && !EnvFiles.isTemplate("README.md") && !EnvFiles.isTemplate("envoy.yaml"))
    }

    @Test func dockerfilesByName() {
        for path in ["Dockerfile", "api/Dockerfile.prod", "web.Dockerfile", "Containerfile", "x/DOCKERFILE"] {
            #expect(DockerfileFiles.isDockerfileName(path), "\(path)")
        }
        for path in ["Dockerfile.md", "docs/dockerfiles.txt", "Makefile", "profile"] {
            #expect(!DockerfileFiles.isDockerfileName(path), "\(path)")
        }
    }
}
