using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// "dotnet add package VapiWebhooks.AspNetCore", as a user would: packs the three shipped packages with a version of
/// their own, creates a fresh web app outside the repository (so none of the repository's build settings apply),
/// adds the package from a local feed next to nuget.org, builds and runs the app, and calls its tool.
/// </summary>
[Collection(RealProcesses.Name)]
public sealed class PackageConsumerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan TotalBudget = TimeSpan.FromMinutes(10);
    private static readonly string[] Packages = ["VapiWebhooks", "VapiWebhooks.AspNetCore", "VapiWebhooks.Testing"];

    [Fact]
    public async Task A_fresh_web_app_restores_the_packed_package_and_answers_a_tool_call()
    {
        var total = Stopwatch.StartNew();
        var version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "vapi-package-consumer", Guid.NewGuid().ToString("N"));
        var sources = Path.Combine(root, "sources");
        var feed = Path.Combine(root, "feed");
        var app = Path.Combine(root, "ConsumerApp");
        var token = "consumer-" + Guid.NewGuid().ToString("N");
        List<string> packageFolders = [];
        TestProcess? server = null;
        try
        {
            // 1. Pack a copy of src/ (with the repository's build settings), so the repository's own bin/obj are untouched.
            CopyPackageSources(TestProcess.RepositoryRoot(), sources);
            foreach (var package in Packages)
            {
                await Step($"pack {package}", () => TestProcess.RunAsync(
                    "dotnet",
                    ["pack", Path.Combine(sources, "src", package), "-c", "Release", "-o", feed, $"-p:Version={version}", "--disable-build-servers"],
                    StepTimeout,
                    sources));
                File.Exists(Path.Combine(feed, $"{package}.{version}.nupkg")).Should().BeTrue("{0} should be packed into the feed", package);
            }

            // 2. A user's machine: no repository settings, nuget.org plus the local feed.
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
                    <add key="vapiwebhooks-test-feed" value="{feed}" />
                  </packageSources>
                </configuration>

                """);

            await Step("dotnet new web", () => TestProcess.RunAsync("dotnet", ["new", "web", "-o", app, "-n", "ConsumerApp", "--no-restore"], StepTimeout, root));
            await Step("dotnet add package", () => TestProcess.RunAsync(
                "dotnet", ["add", "package", "VapiWebhooks.AspNetCore", "--version", version], StepTimeout, app));
            File.ReadAllText(Path.Combine(app, "ConsumerApp.csproj")).Should()
                .Contain($"""<PackageReference Include="VapiWebhooks.AspNetCore" Version="{version}" />""")
                .And.NotContain("ProjectReference");

            File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
                using VapiWebhooks.Security;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddVapiWebhooks()
                    .AddCredential("", o => o.Bearer = new VapiBearerOptions { Tokens = ["{{token}}"] })
                    .AddTool<WeatherArgs>("get_weather", (weather, call) => $"It is sunny in {weather.City}.");

                var app = builder.Build();
                app.MapVapiWebhooks("/vapi/webhook");
                app.Run();

                public sealed record WeatherArgs(string City);

                """);

            await Step("dotnet build", () => TestProcess.RunAsync("dotnet", ["build", "--disable-build-servers"], StepTimeout, app));

            // The app restored the packed packages (these versions exist nowhere else), not projects.
            var assetsText = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
            assetsText.Should().Contain($"\"VapiWebhooks.AspNetCore/{version}\"").And.Contain($"\"VapiWebhooks/{version}\"");
            using (var assets = JsonDocument.Parse(assetsText))
            {
                assets.RootElement.GetProperty("libraries").GetProperty($"VapiWebhooks.AspNetCore/{version}").GetProperty("type").GetString().Should().Be("package");
                packageFolders = [.. assets.RootElement.GetProperty("packageFolders").EnumerateObject().Select(p => p.Name)];
            }

            // 3. Run it on a free loopback port and call the tool as Vapi would.
            var port = TestProcess.FreeLoopbackPort();
            server = TestProcess.Start("dotnet", [Path.Combine(app, "bin", "Debug", "net10.0", "ConsumerApp.dll"), "--urls", $"http://127.0.0.1:{port}"], app);
            await server.WaitForLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var message = VapiTestMessages.ToolCalls(new TestToolCall("get_weather", """{"city":"Lisbon"}"""));
            using (var unsigned = await client.PostVapiMessageAsync(message, "/vapi/webhook", VapiTestCredential.None))
            {
                unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            using var response = await client.PostVapiMessageAsync(message, "/vapi/webhook", VapiTestCredential.Bearer(token));
            response.StatusCode.Should().Be(HttpStatusCode.OK, "the app's output:\n{0}", server.Output);
            var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
            result.ToolCallId.Should().Be(message.ToolCallList![0].Id);
            result.Error.Should().BeNull();
            result.Result.Should().Be("It is sunny in Lisbon.");
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
                output.WriteLine("app output:\n" + server.Output);
            }

            // These package versions were only for this run: take them out of the NuGet cache again.
            foreach (var folder in packageFolders)
            {
                foreach (var package in Packages)
                {
                    var id = Path.Combine(folder, package.ToLowerInvariant());
                    TestProcess.DeleteDirectory(Path.Combine(id, version));
                    if (Directory.Exists(id) && !Directory.EnumerateFileSystemEntries(id).Any())
                    {
                        TestProcess.DeleteDirectory(id);
                    }
                }
            }

            TestProcess.DeleteDirectory(root);
            output.WriteLine($"total {total.Elapsed.TotalSeconds:0.0} s");
        }

        total.Elapsed.Should().BeLessThan(TotalBudget);
    }

    private async Task Step(string name, Func<Task<string>> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        output.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>src/ of the three packages, without bin/obj, and the root files their build reads.</summary>
    private static void CopyPackageSources(string repository, string destination)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "README.md", ".editorconfig", "global.json" })
        {
            Directory.CreateDirectory(destination);
            File.Copy(Path.Combine(repository, file), Path.Combine(destination, file));
        }

        foreach (var package in Packages)
        {
            var from = Path.Combine(repository, "src", package);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj")
                {
                    continue;
                }

                var target = Path.Combine(destination, "src", package, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }
}
