using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using VapiWebhooks.Tests.Fixtures;
using Xunit.Abstractions;

namespace VapiWebhooks.Tests.Schemas;

public class FixtureSchemaTests(ITestOutputHelper output)
{
    /// <summary>Types Vapi sends that have no schema in the spec.</summary>
    private static readonly string[] UnschemadTypes = ["function-call", "assistant.started", "language-changed"];

    /// <summary>Written bodies that deliberately carry a real-traffic difference (WIRE.md), with the only
    /// violations they may have.</summary>
    private static readonly Dictionary<string, string[]> ExpectedWireDrift = new(StringComparer.Ordinal)
    {
        ["end-of-call-report__written__2.json"] = ["#/analysis.successEvaluation: StringExpected"],
    };

    public static IEnumerable<object[]> Written =>
        FixtureFiles.Files.Where(f => f.Kind == FixtureFiles.WrittenFromSchema).Select(f => new object[] { f.RelativePath, f.WireType });

    [Fact]
    public void Every_fixture_folder_is_a_known_wire_type()
    {
        var folders = Directory.EnumerateDirectories(FixtureFiles.Root).Select(Path.GetFileName).ToList();

        folders.Should().NotBeEmpty();
        folders.Should().OnlyContain(folder =>
            VapiSchemas.RequestDefinitionFor(FixtureFiles.WireTypeOfFolder(folder!)) != null || UnschemadTypes.Contains(folder));
    }

    [Fact]
    public void Every_spec_type_and_every_unschemad_type_has_a_fixture()
    {
        var covered = FixtureFiles.Files.Select(f => f.WireType).ToHashSet(StringComparer.Ordinal);

        covered.Should().Contain(VapiSchemas.RequestDefinitions.Keys);
        covered.Should().Contain(UnschemadTypes);
    }

    [Fact]
    public void Every_spec_type_has_a_fixture_that_validates()
    {
        var valid = FixtureFiles.Files.Where(f => f.Kind == FixtureFiles.WrittenFromSchema).Select(f => f.WireType).ToHashSet(StringComparer.Ordinal);

        valid.Should().Contain(VapiSchemas.RequestDefinitions.Keys);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles.All), MemberType = typeof(FixtureFiles))]
    public void Every_fixture_is_a_message_envelope_of_its_folder_type(string relativePath, string wireType)
    {
        var message = Message(relativePath);

        message["type"]!.GetValue<string>().Should().Be(wireType);
        FixtureFiles.ReadBytes(relativePath).Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Written))]
    public void Written_fixtures_validate_against_their_request_definition(string relativePath, string wireType)
    {
        var definition = VapiSchemas.RequestDefinitionFor(wireType);
        definition.Should().NotBeNull($"{wireType} is a spec type");

        VapiSchemas.AssertValid(definition!, Message(relativePath).ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Written))]
    public void Written_fixtures_break_literal_oneOf_only_through_the_spec_overlapping_unions(string relativePath, string wireType)
    {
        var strict = VapiSchemas.ValidateStrict(VapiSchemas.RequestDefinitionFor(wireType)!, Message(relativePath).ToJsonString());

        strict.Where(e => e.Kind != "AmbiguousOneOf").Should().BeEmpty();
    }

    [Fact]
    public void Wire_drift_fixtures_differ_from_the_spec_only_where_documented()
    {
        var drift = FixtureFiles.Files.Where(f => f.Kind == FixtureFiles.WrittenWireDrift).ToList();
        drift.Select(f => f.FileName).Should().BeEquivalentTo(ExpectedWireDrift.Keys);

        foreach (var fixture in drift)
        {
            var errors = VapiSchemas.Validate(VapiSchemas.RequestDefinitionFor(fixture.WireType)!, Message(fixture.RelativePath).ToJsonString());
            errors.Select(e => $"{e.Path}: {e.Kind}").Should().BeEquivalentTo(ExpectedWireDrift[fixture.FileName], fixture.RelativePath);
        }
    }

    [Fact]
    public void Unschemad_fixtures_have_no_definition()
    {
        foreach (var fixture in FixtureFiles.Files.Where(f => f.Kind == FixtureFiles.WrittenNoSchema))
        {
            VapiSchemas.RequestDefinitionFor(fixture.WireType).Should().BeNull(fixture.RelativePath);
        }
    }

    /// <summary>
    /// Drift report for bodies from real traffic and Vapi's docs. Real traffic differs from the spec
    /// (WIRE.md, "Where real traffic differs"), so this prints and never fails.
    /// </summary>
    [Fact]
    public void Drift_report_for_real_and_documentation_payloads()
    {
        var report = new StringBuilder();
        var fromVapi = FixtureFiles.Files.Where(f => f.IsFromVapi).ToList();
        var drifting = 0;

        foreach (var fixture in fromVapi)
        {
            var definition = VapiSchemas.RequestDefinitionFor(fixture.WireType);
            if (definition is null)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{fixture.RelativePath} ({fixture.Kind}): no schema for '{fixture.WireType}'");
                continue;
            }

            var json = Message(fixture.RelativePath).ToJsonString();
            var errors = VapiSchemas.Validate(definition, json);
            var strictOnly = VapiSchemas.ValidateStrict(definition, json).Count - errors.Count;
            var ambiguity = strictOnly > 0 ? $"; plus {strictOnly} overlapping-union match(es) only literal oneOf rejects" : string.Empty;
            if (errors.Count == 0)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"{fixture.RelativePath} ({fixture.Kind}): valid against {definition}{ambiguity}");
                continue;
            }

            drifting++;
            report.AppendLine(CultureInfo.InvariantCulture, $"{fixture.RelativePath} ({fixture.Kind}): {errors.Count} difference(s) from {definition}{ambiguity}");
            foreach (var error in errors)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {error}");
            }
        }

        report.Insert(0, $"Drift report: {drifting} of {fromVapi.Count} real/documentation payloads differ from the spec (reported, not failed).{Environment.NewLine}");
        output.WriteLine(report.ToString());
        fromVapi.Should().NotBeEmpty();
    }

    private static JsonObject Message(string relativePath) =>
        JsonNode.Parse(FixtureFiles.Read(relativePath))!["message"]!.AsObject();
}
