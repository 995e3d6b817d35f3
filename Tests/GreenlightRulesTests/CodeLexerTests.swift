@testable import GreenlightRules
import Testing

/// The lexer's code view (comments blank, string contents `~`), its bracket pairs and its
/// functions, per language.
@Suite struct CodeLexerTests {
    func view(_ text: String, _ language: SourceLanguage) -> String {
        let lexed = CodeLexer.lex(Array(text.utf8), language: language)
        return String(decoding: lexed.code.map { $0 == LexedSource.stringByte ? UInt8(ascii: "~") : $0 }, as: UTF8.self)
    }

    func functions(_ text: String, _ language: SourceLanguage) -> [String] {
        let lexed = CodeLexer.lex(Array(text.utf8), language: language)
        return lexed.outerFunctions.map { function in
            let (line, _) = lexed.position(of: function.start)
            let end = lexed.line(of: max(function.end - 1, function.start))
            return "\(function.name ?? "-") \(function.kind.rawValue) \(line)-\(end)"
        }
    }

    @Test func scriptCommentsStringsTemplatesAndRegexes() {
        #expect(view("a = 'x' // c\n", .typescript) == "a = '~'     \n")
        #expect(view("/* a\n b */ f(\"s\\\"t\")", .javascript) == "    \n      f(\"~~~~\")")
        #expect(view("t = `a ${b(`c${d}`)} e`", .typescript) == "t = `~~~~b(`~~~d~`)~~~`")
        #expect(view("r = /a\"b[/]/g.test(x); y = a / b / c", .javascript) == "r = /~~~~~~/g.test(x); y = a / b / c")
        #expect(view("o = {\"user_id\": u, 'k' : v, \"x\"}", .typescript) == "o = {\"user_id\": u, 'k' : v, \"~\"}")
        #expect(view("c ? \"user\" : \"bot\"", .typescript) == "c ? \"~~~~\" : \"~~~\"")
    }

    @Test func pythonStrings() {
        #expect(view("s = f\"{a['k']} {{x}}\" # c\n", .python) == "s = f\"~a['~']~~~~~~~\"    \n")
        #expect(view("d = r'\\'' + b\"x\"", .python) == "d = r'~~' + b\"~\"")
        #expect(view("doc = \"\"\"a\n'b'\n\"\"\"\nx = 1", .python) == "doc = \"\"\"~\n~~~\n\"\"\"\nx = 1")
        #expect(view("m = {\"user_id\": uid}", .python) == "m = {\"user_id\": uid}")
    }

    @Test func goAndSwiftStrings() {
        #expect(view("s := `a\n\"b` + \"c\" + 'd'", .go) == "s := `~\n~~` + \"~\" + '~'")
        #expect(view("let s = \"a\\(f(\"b\"))c\" /* x /* y */ z */", .swift) == "let s = \"~~~f(\"~\")~~\"" + String(repeating: " ", count: 18))
        #expect(view("let r = #\"a\"b\\(x)\\#(y)\"#", .swift) == "let r = #\"~~~~~~~~~~y~\"#")
        #expect(view("let m = \"\"\"\n  \"q\" \\(v)\n  \"\"\"", .swift) == "let m = \"\"\"\n~~~~~~~~v~\n~~\"\"\"")
    }

    @Test func unterminatedLiteralsEndAtTheirLineOrTheFile() {
        #expect(view("a = 'oops\nb = 1", .typescript) == "a = '~~~~\nb = 1")
        #expect(view("a = `never\nends", .typescript) == "a = `~~~~~\n~~~~")
        #expect(view("x /* open\ny", .go) == "x        \n ")
        #expect(view("s = \"\"\"open\nx", .python) == "s = \"\"\"~~~~\n~")
    }

    @Test func bracketsPairAcrossLinesAndStrayClosersAreIgnored() {
        let lexed = CodeLexer.lex(Array("f(a,\n  g(b)) ) ]\nh(".utf8), language: .typescript)
        #expect(lexed.bracket(openingAt: 1)?.close == 11)
        #expect(lexed.bracket(openingAt: 8)?.close == 10)
        #expect(lexed.bracket(openingAt: 18)?.close == 19)
    }

    @Test func scriptFunctions() {
        let source = """
            export async function answer(req) {
              if (x) { y() }
            }
            const handler = async (req, res) => {
              items.map((i) => i * 2)
            }
            class A {
              async generate(prompt: string): Promise<string> {
                return ""
              }
            }
            const short = (x) => call(x)
            app.post("/x", async (req) => {
              ok()
            })
            """
        #expect(functions(source, .typescript) == [
            "answer function 1-3", "handler arrow function 4-6", "generate function 8-10",
            "short arrow function 12-12", "- arrow function 13-15",
        ])
    }

    /// A class whose heritage is a call (`extends InheritMultiple([A, B])`) has methods, not one
    /// function named after the call.
    @Test func classHeritageCallIsNoFunction() {
        let source = """
            class KoboldProvider extends InheritMultiple([Provider, UnTooled]) {
              async complete(messages) {
                return this.client.chat.completions.create({ model: this.model, messages });
              }
            }
            """
        #expect(functions(source, .javascript) == ["complete function 2-4"])
    }

    @Test func pythonFunctionsByIndentation() {
        let source = """
            @observe()
            async def answer(user):
                x = [
            1]
                def inner():
                    pass
                return x

            class A:
                def m(self): return 1
                def n(self):
                    '''doc
            not a line'''
                    go(lambda v: v)
            f = lambda a, b: a + b
            """
        #expect(functions(source, .python) == ["answer function 1-8", "m function 10-10", "n function 11-14", "- lambda 15-15"])
    }

    @Test func goAndSwiftFunctions() {
        let go = """
            type S struct{ a int }
            func (s *S) Generate(ctx context.Context) (string, error) {
              return "", nil
            }
            var f = func(x interface{}) error {
              return nil
            }
            """
        #expect(functions(go, .go) == ["Generate function 2-4", "- closure 5-7"])
        let swift = """
            struct V: View {
              var body: some View {
                Button("x") { go() }
              }
              func generate(prompt: String) async throws -> String {
                if ok { return "" }
                return ""
              }
            }
            Task {
              await run()
            }
            """
        #expect(functions(swift, .swift) == ["body function 2-4", "generate function 5-8", "- closure 10-12"])
    }
}
