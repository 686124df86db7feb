using VapiWebhooks.ModelGenerator;

namespace VapiWebhooks.Tests.Assistants;

/// <summary>The checked-in assistant model is exactly what the generator makes of the spec copy in <c>schemas/</c>.</summary>
public class GeneratedModelTests
{
    [Fact]
    public void Regenerating_the_assistant_model_from_schemas_changes_nothing()
    {
        var root = GeneratedFiles.FindRepositoryRoot(AppContext.BaseDirectory);

        var files = ModelGenerator.ModelGenerator.GenerateFromRepository(root);

        files.Should().ContainKey("Assistant.g.cs").And.ContainKey("AssistantOverrides.g.cs").And.ContainKey("Squad.g.cs");
        GeneratedFiles.Compare(root, files).Should().BeEmpty(
            "the files under {0} must be regenerated with: dotnet run --project tools/VapiWebhooks.ModelGenerator", ModelGenerator.ModelGenerator.OutputPath);
    }

    [Fact]
    public void A_changed_or_stale_generated_file_is_reported()
    {
        var root = GeneratedFiles.FindRepositoryRoot(AppContext.BaseDirectory);
        var files = ModelGenerator.ModelGenerator.GenerateFromRepository(root);
        var edited = new SortedDictionary<string, string>(files) { ["Assistant.g.cs"] = files["Assistant.g.cs"] + "// edited\n" };
        edited.Remove("Squad.g.cs");

        GeneratedFiles.Compare(root, edited).Should().BeEquivalentTo("differs: Assistant.g.cs", "stale: Squad.g.cs");
    }
}
