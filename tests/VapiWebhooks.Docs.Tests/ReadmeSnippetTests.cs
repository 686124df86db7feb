using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VapiWebhooks.Docs.Tests;

/// <summary>
/// The README's "Using the library in your own app" snippet compiles as written, as the Program.cs of a new
/// <c>dotnet new web</c> project would (its implicit usings, nullable on): compiled in process with Roslyn against
/// the framework and the library assemblies this test runs with, so it costs a second, not a project build.
/// </summary>
public sealed class ReadmeSnippetTests
{
    // What Microsoft.NET.Sdk.Web adds as global usings to a new project.
    private const string WebSdkImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    [Fact]
    public void The_readme_snippet_compiles_as_written_with_no_warning()
    {
        var snippet = Markdown.CodeBlockAfter(File.ReadAllText(Repository.ReadmePath), "## Using the library in your own app", "csharp");

        var diagnostics = Compile(snippet);

        diagnostics.Should().BeEmpty("the snippet is copied into a new web project as is:\n" + snippet);
    }

    [Fact]
    public void The_inline_assistant_snippet_compiles_inside_an_assistant_request_handler()
    {
        // The snippet is the body of a handler: it uses the endpoint's authentication options and the app's services.
        var snippet = Markdown.CodeBlockAfter(File.ReadAllText(Repository.ReadmePath), "## Answering with an inline assistant", "csharp");
        var program = $$"""
            using VapiWebhooks;
            using VapiWebhooks.Models;
            using VapiWebhooks.Responses;
            using VapiWebhooks.Security;

            Func<VapiAuthenticationOptions, IServiceProvider, AssistantRequestResponse> answer = Answer;
            Console.WriteLine(answer);

            static AssistantRequestResponse Answer(VapiAuthenticationOptions authOptions, IServiceProvider services)
            {
            {{snippet}}
            }
            """;

        var diagnostics = Compile(program);

        diagnostics.Should().BeEmpty("the snippet is the body of an IAssistantRequestHandler:\n" + snippet);
    }

    [Fact]
    public void The_compile_check_catches_what_a_user_would_hit()
    {
        // The check can fail: a missing using and an unknown type are reported, as the README once had them.
        var diagnostics = Compile("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddVapiWebhooks();
            public sealed class Receptionist(IClinicDatabase db) : IAssistantRequestHandler;
            """);

        diagnostics.Should().Contain(d => d.Contains("CS0246", StringComparison.Ordinal) && d.Contains("IClinicDatabase", StringComparison.Ordinal));
        diagnostics.Should().Contain(d => d.Contains("IAssistantRequestHandler", StringComparison.Ordinal));
    }

    private static List<string> Compile(string program)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(WebSdkImplicitUsings, options, "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText(program, options, "Program.cs"),
        };
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        return [.. result.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .Select(d => d.ToString())];
    }
}
